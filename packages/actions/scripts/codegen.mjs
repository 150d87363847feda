// Writes the typed action bindings of @wfgen/actions, one module per action in src/generated/<owner>/<repo>.ts
// plus src/index.ts, from the facts of each action's action.yml kept in data/actions (see data.mjs).
//
//   pnpm generate      (or: pnpm --filter @wfgen/actions run codegen)
//
// generateBindings only reads, so a test can compare the committed files with what the generator makes today.
// renderBinding is the same generator for one action outside this package: `wfgen add` calls it with an
// action.yml it fetched (or the user's file), and writes the module into the user's project.
// Facts come from action.yml (input and output names, required, defaults, deprecation); its descriptions do
// not: the generated docs link to the action instead.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { IndentationText, NewLineKind, Project, QuoteKind, VariableDeclarationKind } from "ts-morph";
import { parseDocument } from "yaml";
import { ACTIONS_DIR_URL, actionFacts, listActions, readActionData } from "./data.mjs";

export { ACTIONS_DIR_URL };

/** The package root; the keys of generateBindings' map are relative to it. */
export const PACKAGE_URL = new URL("../", import.meta.url);

/** The command that regenerates the bindings, named in every generated header and in the drift test. */
export const REGENERATE = "pnpm generate";

// Majors whose action.yml declares one of these runtimes (or none: the pre-2019 `plugin` form) are left
// out: GitHub's runners have retired them, so a typed binding would only invite a broken step.
export const RETIRED_RUNTIMES = new Set(["node12", "node16", undefined]);

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
 * The generated files: path relative to the package root -> contents. Reads every action of the data in
 * `actionsDir`; throws when the data and the override table disagree, so a data update that needs a
 * decision fails loudly.
 */
export function generateBindings(actionsDir = ACTIONS_DIR_URL) {
  const actions = listActions(actionsDir).map((slug) => readAction(slug, readActionData(slug, actionsDir)));
  checkOverrides(actions);
  const files = new Map();
  for (const action of actions) {
    const header = packageHeader(`from ${action.slug} ${action.majors.map((m) => m.major).join(", ")}`);
    files.set(`src/generated/${action.owner}/${action.repo}.ts`, renderAction(action, PACKAGE_MODULES, header));
  }
  files.set("src/index.ts", renderIndex(actions));
  return files;
}

/** What renderBinding cannot make a binding of: text that is not YAML, or not an action's metadata. */
export class ActionYmlError extends Error {
  constructor(code, message, position = {}) {
    super(message);
    this.name = "ActionYmlError";
    this.code = code;
    this.line = position.line;
    this.column = position.column;
  }
}

// `owner/repo[/path]@ref`, in the characters GitHub allows in names and git in release tags.
const INTENT = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)((?:\/[A-Za-z0-9._-]+)*)@([A-Za-z0-9._\/+-]+)$/;

/** The parts of an intent `owner/repo[/path]@ref`, or undefined when it is not one. */
export function parseActionIntent(intent) {
  const match = INTENT.exec(intent);
  if (!match || match[2] === "." || match[2] === "..") return undefined;
  const [, owner, repo, rest, ref] = match;
  const path = rest ? rest.slice(1) : undefined;
  if (path?.split("/").some((segment) => segment === "." || segment === "..")) return undefined;
  const name = path ? `${owner}/${repo}/${path}` : `${owner}/${repo}`;
  return { owner, repo, ...(path && { path }), ref, name, key: `${name}@${ref}` };
}

/**
 * One typed binding module from an action's metadata, for a user's project (`wfgen add`): the same typing
 * rules as the committed bindings, for the one ref of `intent`, importing only the `wfgen` package. Pure:
 * no file or network access. Throws ActionYmlError for text that is not YAML or not an action.
 *
 * `sha` is the commit the text was read at (the action.yml link points there), `file` its name in the
 * repository, `header` the comment lines above the module (without `// `).
 */
export function renderBinding({ actionYml, intent, sha, file = "action.yml", header }) {
  const parts = parseActionIntent(intent);
  if (!parts) throw new Error(`"${intent}" is not an action intent owner/repo[/path]@ref`);
  const { owner, repo, path, ref, name: slug } = parts;
  if (path !== undefined && /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) {
    throw new Error(`${intent} is a reusable workflow, not an action`);
  }
  const facts = actionFacts(readActionYml(actionYml, file));
  const folder = path ? `/${path}` : "";
  const major = readMajor(
    slug,
    facts,
    {
      major: ref,
      label: "",
      property: undefined,
      ymlUrl: `https://github.com/${owner}/${repo}/blob/${sha ?? ref}${folder}/${file}`,
      readmeUrl: `https://github.com/${owner}/${repo}/tree/${ref}${folder}#readme`,
    },
    false,
  );
  const action = {
    ...actionNames(owner, repo, path),
    slug,
    page: path ? `https://github.com/${owner}/${repo}/tree/${ref}${folder}` : `https://github.com/${owner}/${repo}`,
    majors: [major],
  };
  const names = typeNames(action, major);
  const lines = header ?? [
    `Generated by \`wfgen add\` from ${intent}${sha ? ` (${file} at ${sha})` : ""}; do not edit.`,
    `Regenerate with: npx wfgen add ${intent} --force`,
  ];
  return {
    name: action.name,
    path: `${slug}.ts`,
    types: { with: names.with, step: names.step, output: names.output },
    inputs: major.inputs.map((input) => ({ name: input.name, required: input.required })),
    outputs: major.outputs,
    text: renderAction(action, USER_MODULES, lines),
  };
}

/** Parse and check an action.yml: a mapping with `runs.using`, mappings of inputs and outputs. */
function readActionYml(text, file) {
  const document = parseDocument(text, { uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const [position] = error.linePos ?? [];
    const where = position ? { line: position.line, column: position.col } : {};
    const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new ActionYmlError("invalid-yaml", `${file} is not valid YAML: ${message}`, where);
  }
  let yml;
  try {
    yml = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml package refuses aliases that expand too far (a "billion laughs" file): the file's fault.
    throw new ActionYmlError("invalid-yaml", `${file} cannot be read as data: ${error.message.split("\n")[0]}`);
  }
  const isMap = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  if (!isMap(yml)) throw new ActionYmlError("not-an-action", `${file} is not an action's metadata: it is not a mapping`);
  const using = isMap(yml.runs) ? yml.runs.using : undefined;
  if (typeof using !== "string") {
    throw new ActionYmlError("not-an-action", `${file} is not an action's metadata: it has no runs.using`);
  }
  if (RETIRED_RUNTIMES.has(using)) {
    throw new ActionYmlError(
      "retired-runtime",
      `${file} runs on ${using}, which GitHub's runners no longer support; add a release that runs on a current runtime`,
    );
  }
  for (const key of ["inputs", "outputs"]) {
    const value = yml[key];
    if (value === undefined || value === null) continue;
    if (!isMap(value)) throw new ActionYmlError("not-an-action", `${file}: ${key} is not a mapping of names`);
    for (const [name, spec] of Object.entries(value)) {
      if (spec !== null && !isMap(spec)) {
        throw new ActionYmlError("not-an-action", `${file}: ${key.slice(0, -1)} "${name}" is not a mapping`);
      }
    }
  }
  return yml;
}

/** One action of the data (`readActionData`), with its majors on a runtime GitHub still supports. */
export function readAction(slug, data) {
  const [owner, repo] = slug.split("/");
  const majors = Object.keys(data.refs)
    .filter((ref) => /^v\d+$/.test(ref))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .filter((major) => !RETIRED_RUNTIMES.has(data.refs[major].using))
    .map((major) =>
      readMajor(slug, data.refs[major], {
        major,
        label: major.toUpperCase(),
        property: major,
        ymlUrl: `https://github.com/${slug}/blob/${major}/action.yml`,
        readmeUrl: `https://github.com/${slug}/tree/${major}#readme`,
      }),
    );
  if (majors.length === 0) throw new Error(`${slug}: no major in the data runs on a runtime GitHub still supports`);
  return { ...actionNames(owner, repo, undefined), slug, page: `https://github.com/${slug}`, majors };
}

/**
 * One major (or ref) of an action, from the facts of its action.yml (`actionFacts`). `at` says how it is
 * named: `major` is the ref of its intent, `label` the suffix of its type names, `property` the binding's
 * property that calls it (none in a user's module), and the two links.
 */
function readMajor(slug, facts, at, strict = true) {
  return {
    ...at,
    inputs: Object.entries(facts.inputs).map(([name, fact]) => readInput(slug, at.major, name, fact, strict)),
    outputs: facts.outputs,
  };
}

/** The binding's function name and type prefix: the repository's (and path's) name in camelCase. */
function actionNames(owner, repo, path) {
  const words = [...(owner === "actions" ? [] : [owner]), repo.replace(/-action$/, ""), ...(path ? path.split("/") : [])];
  let name = camel(words.join("-"));
  if (!/^[A-Za-z_$]/.test(name)) name = `_${name}`;
  if (RESERVED.has(name)) name = `${name}Action`;
  return { owner, repo, name, type: name[0].toUpperCase() + name.slice(1) };
}

// `strict` (the committed bindings) makes a default outside an override's values an error to decide on;
// otherwise (a user's binding, perhaps of an older release) the override is not used for that input.
export function readInput(slug, major, name, fact, strict = true) {
  const fallback = fact.default;
  let kind = OVERRIDES[`${slug}@${major}`]?.[name] ?? OVERRIDES[slug]?.[name] ?? kindOfDefault(fallback);
  if (kind.values && fallback !== undefined && !kind.values.some((value) => String(value) === String(fallback))) {
    if (!strict) kind = kindOfDefault(fallback);
    else throw new Error(`${slug}@${major}: input "${name}" defaults to ${JSON.stringify(fallback)}, outside the values in OVERRIDES`);
  }
  return {
    name,
    kind,
    fallback,
    required: fact.required === true && fallback === undefined,
    deprecated: fact.deprecated === true,
  };
}

/**
 * An input as a binding's spec (and the table) holds it, an `ActionInput`: the codegen's kind, named, its
 * list separator, and whether it is required.
 */
export function actionInput(input) {
  const { kind } = input;
  let entry;
  if (kind.values) {
    // In the order of the binding's type: `boolean` (or one boolean) first, then the strings.
    const booleans = kind.values.filter((value) => typeof value === "boolean");
    const strings = kind.values.filter((value) => typeof value === "string");
    entry = { kind: { oneOf: [...(booleans.length === 2 ? [true, false] : booleans), ...strings] } };
  } else if (kind.type === "ListInput") entry = { kind: "list", separator: kind.separator };
  else {
    const named = { Text: "text", "Text | number": "text-or-number", BooleanInput: "boolean", NumberInput: "number" };
    if (!named[kind.type]) throw new Error(`input "${input.name}": no name for kind ${kind.type}`);
    entry = { kind: named[kind.type] };
  }
  return input.required ? { ...entry, required: true } : entry;
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

// Where a module imports wfgen from: the committed bindings import the packages of this repository, a user's
// binding (`wfgen add`) the one package users install.
const PACKAGE_MODULES = { core: "@wfgen/core/dsl", binding: "../../binding.ts" };
const USER_MODULES = { core: "wfgen", binding: "wfgen/actions" };

/**
 * The module of one action. Committed bindings have every kept major, the latest as the function and each
 * one as a property (`checkout.v4`); a user's binding has the one ref it was added at, and no property.
 */
function renderAction(action, modules, header) {
  const latest = action.majors.at(-1);
  const older = action.majors.slice(0, -1);
  const file = newSourceFile();
  const uses = (predicate) => action.majors.some((m) => m.inputs.some((input) => predicate(input.kind)));
  file.addImportDeclarations([
    { moduleSpecifier: modules.core, namedImports: ["captureCallSite"] },
    {
      moduleSpecifier: modules.core,
      isTypeOnly: true,
      namedImports: [
        ...(uses((kind) => kind.values) ? ["AnyExpr"] : []),
        "StepDefinition",
        ...(uses((kind) => kind === TEXT || kind === TEXT_OR_NUMBER) ? ["Text"] : []),
      ],
    },
    { moduleSpecifier: modules.binding, namedImports: ["actionStep"] },
    {
      moduleSpecifier: modules.binding,
      isTypeOnly: true,
      namedImports: [
        "ActionSpec",
        "ActionStepOptions",
        ...["BooleanInput", "ListInput", "NumberInput"].filter((name) => uses((kind) => kind.type === name)),
      ],
    },
  ]);
  for (const major of [...action.majors].reverse()) addMajorTypes(file, action, major);

  const link = `[\`${action.slug}\`](${action.page})`;
  const olderNames = orList(older.map((m) => `\`${action.name}.${m.property}\``));
  const properties = action.majors.filter((major) => major.property !== undefined);
  file.addFunction({
    name: action.name,
    isExported: true,
    docs: [
      (latest.property === undefined
        ? [
            `A step that uses ${link} at ${latest.major};`,
            `its inputs and outputs are in [action.yml](${latest.ymlUrl}).`,
          ]
        : [
            `A step that uses ${link} at ${latest.major},`,
            `the latest major wfgen knows; its inputs and outputs are in`,
            `[action.yml](${latest.ymlUrl}).`,
            `\`${action.name}.${latest.property}\` stays on ${latest.major} when a later major becomes the default.`,
            ...(older.length === 0 ? [] : [`${olderNames} ${older.length === 1 ? "calls an older major" : "call older majors"}.`]),
          ]
      ).join("\n"),
    ],
    ...bindingSignature(action, latest, action.name),
  });
  // Each major hangs off the latest one as a property (`checkout.v4`), so one import reaches them all and
  // `checkout.v7` stays put when a new major becomes `checkout()`.
  if (properties.length > 0) {
    file.addStatements((writer) => {
      for (const [index, major] of properties.entries()) {
        const { parameters, returnType, statements } = bindingSignature(action, major, `${action.name}${major.label}`);
        const [parameter] = parameters;
        if (index === 0) writer.newLine();
        else writer.blankLine();
        writer.writeLine(`/**`);
        writer.writeLine(` * A step that uses ${link} at ${major.major};`);
        writer.writeLine(` * its inputs and outputs are in [action.yml](${major.ymlUrl}).`);
        writer.writeLine(` */`);
        writer.write(
          `${action.name}.${major.property} = function ${action.name}${major.label}(` +
            `${parameter.name}: ${parameter.type}${parameter.initializer ? ` = ${parameter.initializer}` : ""}): ${returnType} `,
        );
        writer.inlineBlock(() => statements.forEach((statement) => writer.writeLine(statement)));
        writer.write(";");
      }
    });
  }
  return finish(file, header);
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
  // The facts the types are made of, for the checks `wfgen build` makes of a call (binding.ts).
  const uses = JSON.stringify(`${action.slug}@${major.major}`);
  const inputs = major.inputs.map((input) => `${propertyKey(input.name)}: ${literal(actionInput(input))},\n`);
  const outputs = `[${major.outputs.map((name) => JSON.stringify(name)).join(", ")}]`;
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: names.spec,
        type: "ActionSpec",
        initializer: `{\nuses: ${uses},\ninputs: ${inputs.length ? `{\n${inputs.join("")}}` : "{}"},\noutputs: ${outputs},\n}`,
      },
    ],
  });
}

/** A JSON value as TypeScript source: keys unquoted where they can be, on one line. */
function literal(value) {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${literal(item)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
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
    tags.push({ tagName: "deprecated", text: `Deprecated by the action; see its README:\n${major.readmeUrl}` });
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

/** The binding function `fn` (its own name) of one major. */
function bindingSignature(action, major, fn) {
  const names = typeNames(action, major);
  const required = major.inputs.some((input) => input.required);
  return {
    parameters: [{ name: "step", type: names.step, ...(required ? {} : { initializer: "{}" }) }],
    returnType: `StepDefinition<${names.output}>`,
    // The call site is the caller of the function the user calls (this module may be the user's own, written
    // by `wfgen add`), so build errors point at their line.
    statements: [`const site = captureCallSite(${fn});`, `return actionStep(${names.spec}, step, site);`],
  };
}

function typeNames(action, major) {
  const prefix = `${action.type}${major.label}`;
  return { with: `${prefix}With`, step: `${prefix}Step`, output: `${prefix}Output`, spec: major.label || "SPEC" };
}

function renderIndex(actions) {
  const file = newSourceFile();
  // actionStep and the input types are what a binding module imports, also one `wfgen add` wrote.
  file.addExportDeclarations([
    { moduleSpecifier: "./binding.ts", namedExports: ["actionStep"] },
    {
      moduleSpecifier: "./binding.ts",
      isTypeOnly: true,
      namedExports: ["ActionInput", "ActionSpec", "ActionStepOptions", "BooleanInput", "InputKind", "ListInput", "NumberInput"],
    },
    ...actions.map((action) => ({ moduleSpecifier: `./generated/${action.slug}.ts` })),
  ]);
  return finish(file, packageHeader("for every action in data/actions"));
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

/** The module's text under `header` (its comment lines, without `// `). */
function finish(file, header) {
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  return `${[...header.map((line) => `// ${line}`), "", ""].join("\n")}${file.getFullText()}`;
}

/** The header of a committed module, naming this generator. */
function packageHeader(what) {
  return [`Generated by packages/actions/scripts/codegen.mjs ${what}; do not edit.`, `Regenerate with: ${REGENERATE}`];
}

function propertyKey(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function camel(kebab) {
  return kebab
    .replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase())
    .replace(/[^A-Za-z0-9_$]+([A-Za-z0-9_$]?)/g, (_, c) => c.toUpperCase());
}

// Words a binding's name cannot be (an action called `actions/delete` would be one).
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await")
    .split(" "),
);

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
