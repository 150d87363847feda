// Writes the typed action bindings of @wfgen/actions, one module per action in src/generated/<owner>/<repo>.ts
// plus src/index.ts, from the action.yml files kept in shared/data/actions beside the repository.
//
//   pnpm --filter @wfgen/actions run codegen
//
// generateBindings only reads, so a test can compare the committed files with what the generator makes today.
// Facts come from action.yml (input and output names, required, defaults, deprecation); its descriptions do
// not: the generated docs link to the action instead.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { IndentationText, NewLineKind, Project, QuoteKind, VariableDeclarationKind } from "ts-morph";
import { parse } from "yaml";

/** Where the action metadata is read from: `shared/data/actions/<owner>/<repo>/<major>/action.yml`. */
export const ACTIONS_DIR_URL = new URL("../../../../shared/data/actions/", import.meta.url);

/** The package root; the keys of generateBindings' map are relative to it. */
export const PACKAGE_URL = new URL("../", import.meta.url);

/** The command that regenerates the bindings, named in every generated header and in the drift test. */
export const REGENERATE = "pnpm --filter @wfgen/actions run codegen";

// Majors whose action.yml declares one of these runtimes (or none: the pre-2019 `plugin` form) are left
// out: GitHub's runners have retired them, so a typed binding would only invite a broken step.
const RETIRED_RUNTIMES = new Set(["node12", "node16", undefined]);

// Lines longer than this are broken up where the generator controls the layout.
const MAX_LINE = 120;

const BOOLEAN = { type: "BooleanInput" };
const NUMBER = { type: "NumberInput" };
const TEXT = { type: "Text" };
const TEXT_OR_NUMBER = { type: "Text | number" };
const LIST = { type: "ListInput", separator: "\n" };
const COMMA_LIST = { type: "ListInput", separator: "," };
const oneOf = (...values) => ({ values });

// Inputs whose type their default does not tell, from each action's documentation: lists (with the
// separator the action splits on), numbers and booleans without a default, closed sets of values, and
// versions people write as numbers (`"node-version": 20`). Keyed
// by `owner/repo` for every kept major, or `owner/repo@vN` for one major, which wins. An entry that matches
// no input of any kept major is an error, so the table cannot silently go stale.
const OVERRIDES = {
  "actions/attest-build-provenance": { "subject-path": LIST },
  "actions/cache": { path: LIST, "restore-keys": LIST, "upload-chunk-size": NUMBER },
  "actions/checkout": { "sparse-checkout": LIST, submodules: oneOf(true, false, "recursive") },
  "actions/download-artifact": { "artifact-ids": COMMA_LIST, "digest-mismatch": oneOf("ignore", "info", "warn", "error") },
  "actions/github-script": {
    debug: BOOLEAN,
    previews: COMMA_LIST,
    "result-encoding": oneOf("string", "json"),
    "retry-exempt-status-codes": COMMA_LIST,
  },
  "actions/setup-node": { cache: oneOf("npm", "yarn", "pnpm"), "cache-dependency-path": LIST, "node-version": TEXT_OR_NUMBER },
  "actions/upload-artifact": { path: LIST, "if-no-files-found": oneOf("warn", "error", "ignore"), "retention-days": NUMBER },
  "docker/build-push-action": {
    "add-hosts": LIST,
    allow: LIST,
    annotations: LIST,
    attests: LIST,
    "build-args": LIST,
    "build-contexts": LIST,
    "cache-from": LIST,
    "cache-to": LIST,
    labels: LIST,
    "no-cache-filters": LIST,
    outputs: LIST,
    platforms: LIST,
    secrets: LIST,
    "secret-envs": LIST,
    "secret-files": LIST,
    ssh: LIST,
    tags: LIST,
    ulimit: LIST,
  },
  "docker/build-push-action@v1": { build_args: COMMA_LIST, cache_froms: COMMA_LIST, labels: COMMA_LIST, tags: COMMA_LIST },
  "docker/login-action": { ecr: oneOf("auto", true, false) },
  "docker/metadata-action": {
    annotations: LIST,
    context: oneOf("workflow", "git"),
    flavor: LIST,
    images: LIST,
    labels: LIST,
    tags: LIST,
  },
  "docker/setup-buildx-action": { "driver-opts": LIST, platforms: COMMA_LIST },
  "docker/setup-qemu-action": { platforms: COMMA_LIST },
};

/**
 * The generated files: path relative to the package root -> contents. Reads every
 * `<owner>/<repo>/<major>/action.yml` under `actionsDir`; throws when the data and the override table
 * disagree, so a data update that needs a decision fails loudly.
 */
export function generateBindings(actionsDir = ACTIONS_DIR_URL) {
  const root = fileURLToPath(actionsDir);
  const actions = [];
  for (const owner of subdirectories(root)) {
    for (const repo of subdirectories(`${root}/${owner}`)) actions.push(readAction(root, owner, repo));
  }
  checkOverrides(actions);
  const files = new Map();
  for (const action of actions) files.set(`src/generated/${action.owner}/${action.repo}.ts`, renderAction(action));
  files.set("src/index.ts", renderIndex(actions));
  return files;
}

function subdirectories(path) {
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function readAction(root, owner, repo) {
  const slug = `${owner}/${repo}`;
  const majors = subdirectories(`${root}/${slug}`)
    .filter((ref) => /^v\d+$/.test(ref))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((major) => ({ major, yml: parse(readFileSync(`${root}/${slug}/${major}/action.yml`, "utf8")) }))
    .filter(({ yml }) => !RETIRED_RUNTIMES.has(yml.runs?.using))
    .map(({ major, yml }) => ({
      major,
      inputs: Object.entries(yml.inputs ?? {}).map(([name, spec]) => readInput(slug, major, name, spec ?? {})),
      outputs: Object.keys(yml.outputs ?? {}),
    }));
  if (majors.length === 0) throw new Error(`${slug}: no major in ${root} runs on a runtime GitHub still supports`);
  const name = camel(`${owner === "actions" ? "" : `${owner}-`}${repo.replace(/-action$/, "")}`);
  return { owner, repo, slug, name, type: name[0].toUpperCase() + name.slice(1), majors };
}

function readInput(slug, major, name, spec) {
  const fallback = spec.default ?? undefined;
  const kind = OVERRIDES[`${slug}@${major}`]?.[name] ?? OVERRIDES[slug]?.[name] ?? kindOfDefault(fallback);
  if (kind.values && fallback !== undefined && !kind.values.some((value) => String(value) === String(fallback))) {
    throw new Error(`${slug}@${major}: input "${name}" defaults to ${JSON.stringify(fallback)}, outside the values in OVERRIDES`);
  }
  return {
    name,
    kind,
    fallback,
    required: (spec.required === true || spec.required === "true") && fallback === undefined,
    deprecated: spec.deprecationMessage !== undefined,
  };
}

function kindOfDefault(value) {
  if (value === true || value === false || value === "true" || value === "false") return BOOLEAN;
  if (typeof value === "number" || (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value))) return NUMBER;
  return TEXT;
}

function checkOverrides(actions) {
  for (const [key, inputs] of Object.entries(OVERRIDES)) {
    const [slug, major] = key.split("@");
    const action = actions.find((a) => a.slug === slug);
    const majors = action?.majors.filter((m) => major === undefined || m.major === major) ?? [];
    for (const name of Object.keys(inputs)) {
      if (!majors.some((m) => m.inputs.some((input) => input.name === name))) {
        throw new Error(`OVERRIDES["${key}"]["${name}"] matches no input of a kept major; remove it`);
      }
    }
  }
}

function renderAction(action) {
  const latest = action.majors.at(-1);
  const older = action.majors.slice(0, -1);
  const file = newSourceFile();
  const uses = (predicate) => action.majors.some((m) => m.inputs.some((input) => predicate(input.kind)));
  file.addImportDeclarations([
    { moduleSpecifier: "@wfgen/core", namedImports: ["captureCallSite"] },
    {
      moduleSpecifier: "@wfgen/core",
      isTypeOnly: true,
      namedImports: [
        ...(uses((kind) => kind.values) ? ["AnyExpr"] : []),
        "StepDefinition",
        ...(uses((kind) => kind === TEXT || kind === TEXT_OR_NUMBER) ? ["Text"] : []),
      ],
    },
    { moduleSpecifier: "../../binding.ts", namedImports: ["actionStep"] },
    {
      moduleSpecifier: "../../binding.ts",
      isTypeOnly: true,
      namedImports: [
        "ActionSpec",
        "ActionStepOptions",
        ...["BooleanInput", "ListInput", "NumberInput"].filter((name) => uses((kind) => kind.type === name)),
      ],
    },
  ]);
  for (const major of [...action.majors].reverse()) addMajorTypes(file, action, major);

  const link = `[\`${action.slug}\`](https://github.com/${action.slug})`;
  const olderNames = orList(older.map((m) => `\`${action.name}.${m.major}\``));
  file.addFunction({
    name: action.name,
    isExported: true,
    docs: [
      [
        `A step that uses ${link} at ${latest.major},`,
        `the latest major wfgen knows; its inputs and outputs are in`,
        `[action.yml](${actionYmlUrl(action, latest)}).`,
        `\`${action.name}.${latest.major}\` stays on ${latest.major} when a later major becomes the default.`,
        ...(older.length === 0 ? [] : [`${olderNames} ${older.length === 1 ? "calls an older major" : "call older majors"}.`]),
      ].join("\n"),
    ],
    ...bindingSignature(action, latest),
  });
  // Each major hangs off the latest one as a property (`checkout.v4`), so one import reaches them all and
  // `checkout.v7` stays put when a new major becomes `checkout()`.
  file.addStatements((writer) => {
    for (const [index, major] of action.majors.entries()) {
      const { parameters, returnType, statements } = bindingSignature(action, major);
      const [parameter] = parameters;
      if (index === 0) writer.newLine();
      else writer.blankLine();
      writer.writeLine(`/**`);
      writer.writeLine(` * A step that uses ${link} at ${major.major};`);
      writer.writeLine(` * its inputs and outputs are in [action.yml](${actionYmlUrl(action, major)}).`);
      writer.writeLine(` */`);
      writer.write(
        `${action.name}.${major.major} = function ${action.name}${major.major.toUpperCase()}(` +
          `${parameter.name}: ${parameter.type}${parameter.initializer ? ` = ${parameter.initializer}` : ""}): ${returnType} `,
      );
      writer.inlineBlock(() => statements.forEach((statement) => writer.writeLine(statement)));
      writer.write(";");
    }
  });
  return finish(file, `from ${action.slug} ${action.majors.map((m) => m.major).join(", ")}`);
}

function addMajorTypes(file, action, major) {
  const names = typeNames(action, major);
  const intent = `\`${action.slug}@${major.major}\``;
  file.addInterface({
    name: names.with,
    isExported: true,
    docs: [`The inputs of ${intent}, by their exact names.`],
    properties: major.inputs.map((input) => ({
      name: propertyKey(input.name),
      hasQuestionToken: !input.required,
      type: input.kind.values ? valuesType(input.kind.values) : input.kind.type,
      docs: inputDocs(action, major, input),
    })),
  });
  file.addInterface({
    name: names.step,
    isExported: true,
    extends: ["ActionStepOptions"],
    docs: [`What the ${intent} binding takes: the keys of a plain step, and \`with\`.`],
    properties: [{ name: "with", hasQuestionToken: !major.inputs.some((input) => input.required), type: names.with }],
  });
  file.addTypeAlias({
    name: names.output,
    isExported: true,
    docs: [`The outputs of ${intent}, read as \`step.outputs.<name>\`.`],
    type: major.outputs.length === 0 ? "never" : major.outputs.map((name) => JSON.stringify(name)).join(" | "),
  });
  const uses = JSON.stringify(`${action.slug}@${major.major}`);
  const lists = major.inputs
    .filter((input) => input.kind.separator)
    .map((input) => `${propertyKey(input.name)}: ${JSON.stringify(input.kind.separator)}`);
  const flat = `{ uses: ${uses}, lists: { ${lists.join(", ")} } }`.replace("{  }", "{}");
  const fits = `const ${names.spec}: ActionSpec = ${flat};`.length <= MAX_LINE;
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: names.spec,
        type: "ActionSpec",
        initializer:
          fits ? flat : `{\nuses: ${uses},\nlists: {\n${lists.map((entry) => `${entry},\n`).join("")}},\n}`,
      },
    ],
  });
}

function inputDocs(action, major, input) {
  const lines = [];
  if (input.kind.separator) lines.push(`A list: an array is joined with ${input.kind.separator === "\n" ? "newlines" : "commas"}.`);
  const tags = [];
  if (input.fallback !== undefined) {
    // Shown as the value to write in `with`: `false`, even where action.yml says "false".
    const bare = kindOfDefault(input.fallback) !== TEXT;
    const shown = bare ? String(input.fallback) : JSON.stringify(input.fallback);
    tags.push({ tagName: "default", text: shown.replaceAll("*/", "*\\/") });
  }
  if (input.deprecated) {
    tags.push({ tagName: "deprecated", text: `Deprecated by the action; see its README:\nhttps://github.com/${action.slug}/tree/${major.major}#readme` });
  }
  if (lines.length === 0 && tags.length === 0) return [];
  return [{ description: lines.join("\n") || undefined, tags }];
}

function valuesType(values) {
  const strings = values.filter((value) => typeof value === "string").map((value) => JSON.stringify(value));
  const booleans = values.filter((value) => typeof value === "boolean");
  const parts = booleans.length === 2 ? ["boolean", ...strings] : [...booleans.map(String), ...strings];
  return [...parts, "AnyExpr"].join(" | ");
}

function bindingSignature(action, major) {
  const names = typeNames(action, major);
  const required = major.inputs.some((input) => input.required);
  return {
    parameters: [{ name: "step", type: names.step, ...(required ? {} : { initializer: "{}" }) }],
    returnType: `StepDefinition<${names.output}>`,
    // The call site is captured here, in the function the user calls, so build errors point at their line.
    statements: ["const site = captureCallSite();", `return actionStep(${names.spec}, step, site);`],
  };
}

function typeNames(action, major) {
  const prefix = `${action.type}${major.major.toUpperCase()}`;
  return { with: `${prefix}With`, step: `${prefix}Step`, output: `${prefix}Output`, spec: major.major.toUpperCase() };
}

function renderIndex(actions) {
  const file = newSourceFile();
  file.addExportDeclarations([
    {
      moduleSpecifier: "./binding.ts",
      isTypeOnly: true,
      namedExports: ["ActionStepOptions", "BooleanInput", "ListInput", "NumberInput"],
    },
    ...actions.map((action) => ({ moduleSpecifier: `./generated/${action.slug}.ts` })),
  ]);
  return finish(file, "for every action in shared/data/actions");
}

function newSourceFile() {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: true,
    },
  });
  return project.createSourceFile("/generated.ts");
}

function finish(file, what) {
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  const header = [
    `// Generated by packages/actions/scripts/codegen.mjs ${what}; do not edit.`,
    `// Regenerate with: ${REGENERATE}`,
    "",
    "",
  ];
  return `${header.join("\n")}${file.getFullText()}`;
}

function actionYmlUrl(action, major) {
  return `https://github.com/${action.slug}/blob/${major.major}/action.yml`;
}

function propertyKey(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function camel(kebab) {
  return kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function orList(items) {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const packageDir = fileURLToPath(PACKAGE_URL);
  const files = generateBindings();
  // Clearing the folder first drops the module of an action that left the data.
  rmSync(`${packageDir}/src/generated`, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(`${packageDir}/${path}`), { recursive: true });
    writeFileSync(`${packageDir}/${path}`, text);
  }
  console.log(`wrote ${files.size} files under ${packageDir}src`);
}
