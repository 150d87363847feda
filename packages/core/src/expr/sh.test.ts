import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  env,
  expr,
  format,
  github,
  handleExpr,
  hashFiles,
  inputs,
  lowerScript,
  matrix,
  needs,
  noHandles,
  pwsh,
  type RenderContext,
  runner,
  script,
  secrets,
  sh,
  steps,
  toJSON,
} from "./index.ts";

const lower = (s: ReturnType<typeof sh>, existing?: Record<string, string>) => lowerScript(s, noHandles, existing);
const title = expr.prop(github.event, "pull_request", "title");

describe("sh lowering", () => {
  it("lowers the seed's docker login line to default variables", () => {
    expect(
      lower(sh`echo "${secrets.GITHUB_TOKEN}" | docker login ghcr.io -u ${github.actor} --password-stdin`),
    ).toEqual({
      run: 'echo "${GITHUB_TOKEN}" | docker login ghcr.io -u "${GITHUB_ACTOR}" --password-stdin',
      env: { GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}" },
    });
  });

  it("lowers the seed's push script, keeping its text and backslashes exactly", () => {
    const s = sh`IMAGE_ID=ghcr.io/${github.repository_owner}/$IMAGE_NAME

# This changes all uppercase characters to lowercase.
IMAGE_ID=$(echo $IMAGE_ID | tr '[A-Z]' '[a-z]')
# This strips the git ref prefix from the version.
VERSION=$(echo "${github.ref}" | sed -e 's,.*/\(.*\),\1,')
[[ "${github.ref}" == "refs/tags/"* ]] && VERSION=$(echo $VERSION | sed -e 's/^v//')
`;
    expect(lower(s)).toEqual({
      run: `IMAGE_ID=ghcr.io/"\${GITHUB_REPOSITORY_OWNER}"/$IMAGE_NAME

# This changes all uppercase characters to lowercase.
IMAGE_ID=$(echo $IMAGE_ID | tr '[A-Z]' '[a-z]')
# This strips the git ref prefix from the version.
VERSION=$(echo "\${GITHUB_REF}" | sed -e 's,.*/\\(.*\\),\\1,')
[[ "\${GITHUB_REF}" == "refs/tags/"* ]] && VERSION=$(echo $VERSION | sed -e 's/^v//')
`,
      env: {},
    });
  });

  it("quotes by context: unquoted, double, single, ANSI-C", () => {
    expect(lower(sh`echo ${matrix.os!}`).run).toBe('echo "${MATRIX_OS}"');
    expect(lower(sh`echo "os=${matrix.os!}!"`).run).toBe('echo "os=${MATRIX_OS}!"');
    expect(lower(sh`echo 'title: ${title}'`)).toEqual({
      run: `echo 'title: '"\${PULL_REQUEST_TITLE}"''`,
      env: { PULL_REQUEST_TITLE: "${{ github.event.pull_request.title }}" },
    });
    expect(lower(sh`printf $'a\'b ${title}\n'`).run).toBe(`printf $'a\\'b '"\${PULL_REQUEST_TITLE}"$'\\n'`);
  });

  it("tracks escapes, comments, command substitutions and here-documents", () => {
    expect(lower(sh`echo "a\"b ${matrix.os!}"`).run).toBe('echo "a\\"b ${MATRIX_OS}"');
    expect(lower(sh`echo a\'b ${matrix.os!}`).run).toBe(`echo a\\'b "\${MATRIX_OS}"`);
    expect(lower(sh`# don't worry\necho ${matrix.os!}`).run).toBe(`# don't worry\\necho "\${MATRIX_OS}"`);
    expect(
      lower(sh`# don't worry
echo ${matrix.os!}`).run,
    ).toBe(`# don't worry
echo "\${MATRIX_OS}"`);
    expect(lower(sh`echo "$(basename "${matrix.os!}")" "$(basename ${matrix.os!})"`).run).toBe(
      'echo "$(basename "${MATRIX_OS}")" "$(basename "${MATRIX_OS}")"',
    );
    expect(lower(sh`echo $((1 << 2)) ${matrix.os!} <<< 'x' ${matrix.os!}`).run).toBe(
      `echo $((1 << 2)) "\${MATRIX_OS}" <<< 'x' "\${MATRIX_OS}"`,
    );
    const heredoc = sh`cat <<-EOF > notes.md
	Don't merge: ${title}
	EOF
echo ${title}`;
    expect(lower(heredoc).run).toBe(`cat <<-EOF > notes.md
	Don't merge: \${PULL_REQUEST_TITLE}
	EOF
echo "\${PULL_REQUEST_TITLE}"`);
    expect(() =>
      lower(sh`cat <<'EOF'
${title}
EOF`),
    ).toThrow(/quoted delimiter/);
    expect(lower(sh`echo \\${title}`).run).toBe('echo \\\\"${PULL_REQUEST_TITLE}"');
    expect(() => lower(sh`echo ${"\\"}${title}`)).toThrow(/escape character/);
  });

  it("references the env context and runner variables directly", () => {
    expect(lower(sh`docker build -t $REGISTRY/${env.IMAGE_NAME!} --label os=${runner.os}`)).toEqual({
      run: 'docker build -t $REGISTRY/"${IMAGE_NAME}" --label os="${RUNNER_OS}"',
      env: {},
    });
    expect(lower(sh`echo ${env["my-var"]!}`)).toEqual({
      run: 'echo "${MY_VAR}"',
      env: { MY_VAR: "${{ env.my-var }}" },
    });
  });

  it("derives names from the expression", () => {
    const meta = {};
    const ctx: RenderContext = { resolveHandle: (_h, path) => `steps.meta.${path.join(".")}` };
    const s = sh`x ${secrets.NPM_TOKEN!} ${inputs["image-name"]!} ${handleExpr(meta, ["outputs", "tags"])} ${needs.build!.outputs.digest!} ${steps.test!.outcome} ${inputs.path!} ${github.token} ${github.event.number!}`;
    expect(lowerScript(s, ctx)).toEqual({
      run: 'x "${NPM_TOKEN}" "${IMAGE_NAME}" "${META_TAGS}" "${BUILD_DIGEST}" "${TEST_OUTCOME}" "${INPUTS_PATH}" "${GITHUB_TOKEN}" "${EVENT_NUMBER}"',
      env: {
        NPM_TOKEN: "${{ secrets.NPM_TOKEN }}",
        IMAGE_NAME: "${{ inputs.image-name }}",
        META_TAGS: "${{ steps.meta.outputs.tags }}",
        BUILD_DIGEST: "${{ needs.build.outputs.digest }}",
        TEST_OUTCOME: "${{ steps.test.outcome }}",
        INPUTS_PATH: "${{ inputs.path }}",
        GITHUB_TOKEN: "${{ github.token }}",
        EVENT_NUMBER: "${{ github.event.number }}",
      },
    });
  });

  it("numbers computed values and reuses one variable per distinct expression", () => {
    const key = hashFiles("**/go.sum");
    expect(
      lower(sh`echo ${key} ${toJSON(matrix)} ${key} ${hashFiles("**/go.sum")} ${matrix.os!} ${matrix.os!}`),
    ).toEqual({
      run: 'echo "${EXPR_1}" "${EXPR_2}" "${EXPR_1}" "${EXPR_1}" "${MATRIX_OS}" "${MATRIX_OS}"',
      env: { EXPR_1: "${{ hashFiles('**/go.sum') }}", EXPR_2: "${{ toJSON(matrix) }}", MATRIX_OS: "${{ matrix.os }}" },
    });
  });

  it("suffixes a name taken by a different expression", () => {
    expect(
      lower(sh`a ${secrets.TOKEN!} ${inputs.TOKEN!} ${env.TOKEN!} ${secrets.GITHUB_TOKEN} ${github.token}`),
    ).toEqual({
      run: 'a "${TOKEN_2}" "${TOKEN_3}" "${TOKEN}" "${GITHUB_TOKEN}" "${TOKEN_4}"',
      env: {
        TOKEN_2: "${{ secrets.TOKEN }}",
        TOKEN_3: "${{ inputs.TOKEN }}",
        GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}",
        TOKEN_4: "${{ github.token }}",
      },
    });
  });

  it("reuses an existing env entry with the same value and avoids one with another value", () => {
    expect(lower(sh`npm publish ${secrets.NPM_TOKEN!}`, { NPM_TOKEN: "${{ secrets.NPM_TOKEN }}", CI: "1" })).toEqual({
      run: 'npm publish "${NPM_TOKEN}"',
      env: { NPM_TOKEN: "${{ secrets.NPM_TOKEN }}", CI: "1" },
    });
    expect(lower(sh`npm publish ${secrets.NPM_TOKEN!}`, { AUTH: "${{ secrets.NPM_TOKEN }}" })).toEqual({
      run: 'npm publish "${AUTH}"',
      env: { AUTH: "${{ secrets.NPM_TOKEN }}" },
    });
    expect(lower(sh`npm publish ${secrets.NPM_TOKEN!}`, { NPM_TOKEN: "literal" })).toEqual({
      run: 'npm publish "${NPM_TOKEN_2}"',
      env: { NPM_TOKEN: "literal", NPM_TOKEN_2: "${{ secrets.NPM_TOKEN }}" },
    });
    expect(lower(sh`echo ${toJSON(github)}`, { EXPR_1: "x" }).env).toEqual({
      EXPR_1: "x",
      EXPR_2: "${{ toJSON(github) }}",
    });
  });

  it("pastes constants, splices scripts and hoists placeholders inside strings", () => {
    const registry = `${env.REGISTRY}/${github.repository}`;
    const login = sh`docker login -u ${github.actor}`;
    const s = sh`${login}
docker push ${registry}:${1.5}-${true} ${"--label 'a b'"} ${title}`;
    expect(lower(s)).toEqual({
      run: `docker login -u "\${GITHUB_ACTOR}"
docker push "\${REGISTRY}"/"\${GITHUB_REPOSITORY}":1.5-true --label 'a b' "\${PULL_REQUEST_TITLE}"`,
      env: { PULL_REQUEST_TITLE: "${{ github.event.pull_request.title }}" },
    });
  });

  it("refuses ${{ in the script text, which GitHub would expand", () => {
    expect(() => lower(sh`echo ${"${{ github.event.issue.title }}"}`)).toThrow(/contains '\$\{\{'/);
  });

  it("undoes only JS's own escapes in the template text", () => {
    expect(lower(sh`echo \${HOME} \`date\` "\t"`).run).toBe('echo ${HOME} `date` "\\t"');
  });

  it("hoists placeholders in a plain string script", () => {
    expect(lower(script(`echo "${title}"`))).toEqual({
      run: 'echo "${PULL_REQUEST_TITLE}"',
      env: { PULL_REQUEST_TITLE: "${{ github.event.pull_request.title }}" },
    });
  });

  it("refuses values that are not text, scripts of another shell, and being pasted as text", () => {
    expect(() => sh`echo ${undefined as unknown as string}`).toThrow(/value #1 is undefined/);
    expect(() => sh`${pwsh`Write-Output 1`}`).toThrow(/pwsh script cannot be spliced into a sh script/);
    expect(() => `${sh`echo`}`).toThrow(/cannot be used as text/);
  });

  it("uses format() and other calls as computed values", () => {
    expect(lower(sh`echo ${format("{0}-{1}", github.ref_name, github.sha)}`).env).toEqual({
      EXPR_1: "${{ format('{0}-{1}', github.ref_name, github.sha) }}",
    });
  });
});

describe("sh arithmetic", () => {
  // Bash evaluates a variable's value as an expression in arithmetic: title='a[$(id)]' would run `id`.
  it.each([
    ["$(( ))", () => sh`echo $(( ${title} + 1 ))`],
    ["$(( )) in double quotes", () => sh`echo "total: $(( ${title} + 1 ))"`],
    ["(( ))", () => sh`if (( ${title} > 1 )); then echo big; fi`],
    ["a for (( ))", () => sh`for (( i = 0; i < ${title}; i++ )); do :; done`],
    ["$[ ]", () => sh`echo $[ ${title} + 1 ]`],
    ["let", () => sh`let n=${title}+1`],
    ["let, quoted, after then", () => sh`if true; then let "n = ${title}"; fi`],
    ["[[ -eq ]]", () => sh`[[ ${title} -eq 1 ]] && echo one`],
    ["[[ -gt ]] quoted", () => sh`[[ "${title}" -gt 1 ]]`],
    ["an array subscript", () => sh`echo "\${names[${title}]}"`],
    ["a substring offset", () => sh`echo "\${value:${title}:2}"`],
    ["a command substitution inside arithmetic", () => sh`echo $(( $(echo ${title}) + 1 ))`],
  ])("refuses an expression in %s", (_, make) => {
    expect(() => lower(make())).toThrow(/shell arithmetic/);
  });

  it("still passes expressions next to arithmetic, and in tests that compare text", () => {
    expect(lower(sh`echo $(( 1 + 2 )) ${title}`).run).toBe('echo $(( 1 + 2 )) "${PULL_REQUEST_TITLE}"');
    expect(lower(sh`let n=1
echo ${title}`).run).toBe('let n=1\necho "${PULL_REQUEST_TITLE}"');
    expect(lower(sh`echo let ${title}`).run).toBe('echo let "${PULL_REQUEST_TITLE}"');
    expect(lower(sh`[[ "${title}" == "refs/tags/"* ]] && echo tag`).run).toBe(
      '[[ "${PULL_REQUEST_TITLE}" == "refs/tags/"* ]] && echo tag',
    );
    expect(lower(sh`echo "\${NAME:-${title}}"`).run).toBe('echo "${NAME:-${PULL_REQUEST_TITLE}}"');
  });
});

describe("pwsh lowering", () => {
  it("references $env:NAME, braced where the name would run on", () => {
    expect(lower(pwsh`docker login ghcr.io -u ${github.actor} -p "${secrets.GITHUB_TOKEN}"`)).toEqual({
      run: 'docker login ghcr.io -u $env:GITHUB_ACTOR -p "$env:GITHUB_TOKEN"',
      env: { GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}" },
    });
    expect(lower(pwsh`Write-Output "${matrix.os!}_x ${matrix.os!}.zip"`).run).toBe(
      'Write-Output "${env:MATRIX_OS}_x $env:MATRIX_OS.zip"',
    );
    expect(
      lower(pwsh`Write-Output "it's ""${matrix.os!}""" # it's
Write-Output ${matrix.os!}`).run,
    ).toBe(`Write-Output "it's ""$env:MATRIX_OS""" # it's
Write-Output $env:MATRIX_OS`);
  });

  it("refuses contexts PowerShell cannot expand a variable in", () => {
    expect(() => lower(pwsh`Write-Output '${title}'`)).toThrow(/single quotes/);
    expect(() => lower(pwsh`Write-Output ${title}.txt`)).toThrow(/member access/);
    expect(() =>
      lower(pwsh`$x = @'
${title}
'@`),
    ).toThrow(/single quotes/);
    expect(
      lower(pwsh`$x = @"
${title}
"@
echo ${title}`).run,
    ).toBe(`$x = @"
$env:PULL_REQUEST_TITLE
"@
echo $env:PULL_REQUEST_TITLE`);
  });
});

describe("properties", () => {
  const text = fc.string({
    unit: fc.constantFrom("a", " ", "'", '"', "\\", "$", "`", "\n", "#", "(", ")", "{", "}", "<", "${{"),
  });

  it("never leaves ${{ in the script for any hoisted value, and names are valid", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.string(), fc.string()), { maxLength: 4 }), (pieces) => {
        const strings = Object.assign([...pieces.map(([t]) => t), ""], {
          raw: [...pieces.map(([t]) => t), ""],
        }) as unknown as TemplateStringsArray;
        const values = pieces.map(([, name, value], i) => (i % 2 ? expr.prop(inputs, name) : expr.lit(value)));
        let lowered;
        try {
          lowered = lowerScript(sh(strings, ...values), noHandles);
        } catch (e) {
          // Contexts that cannot carry a variable are refused, never emitted.
          expect(String(e)).toMatch(/quoted delimiter|escape character|contains '\$\{\{'|shell arithmetic/);
          return;
        }
        expect(lowered.run).not.toContain("${{");
        for (const name of Object.keys(lowered.env)) expect(name).toMatch(/^[A-Z_][A-Z0-9_]*$/);
      }),
    );
  });

  it.skipIf(spawnSync("bash", ["--version"]).status !== 0)(
    "delivers any value to bash unchanged in every quoting context",
    () => {
      const value = inputs.value!;
      const s = sh`printf '[%s]' ${value} "<${value}>" '<${value}>' $'<\t${value}>'
cat <<EOF
<${value}>
EOF`;
      const { run, env: stepEnv } = lowerScript(s, noHandles);
      expect(stepEnv).toEqual({ VALUE: "${{ inputs.value }}" });
      fc.assert(
        fc.property(
          fc.string({ unit: "grapheme" }).filter((v) => !v.includes("\0")),
          (v) => {
            const result = spawnSync("bash", ["-c", run], { env: { ...process.env, VALUE: v }, encoding: "utf8" });
            expect(result.stdout).toBe(`[${v}][<${v}>][<${v}>][<\t${v}>]<${v}>\n`);
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
