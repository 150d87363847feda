// The action facts kept in the repository: one file per action, `data/actions/<owner>/<repo>.json`, with its
// release tags (tag -> commit, annotated tags peeled) and, per ref kept (major tags, a few commits), the
// facts of its action.yml: input names with required/default/deprecated, output names, `runs.using`. No
// descriptions: what an input means is in the action's own README, which the bindings link to.
//
// The generators (codegen, table, the CLI's offline catalog), the refresh script and the tests read the
// data through this module only, so the file format is decided here.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

/** The folder of the action facts: `data/actions/` at the repository root. */
export const ACTIONS_DIR_URL = new URL("../../../data/actions/", import.meta.url);

const SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;

/** Every action in the data, `owner/repo`, sorted. */
export function listActions(dir = ACTIONS_DIR_URL) {
  const root = fileURLToPath(dir);
  const slugs = [];
  for (const owner of readdirSync(root, { withFileTypes: true })) {
    if (!owner.isDirectory()) continue;
    for (const file of readdirSync(`${root}/${owner.name}`).sort()) {
      if (file.endsWith(".json")) slugs.push(`${owner.name}/${file.slice(0, -".json".length)}`);
    }
  }
  return slugs.sort();
}

/** The facts of one action, checked: throws on a file that does not have the documented shape. */
export function readActionData(slug, dir = ACTIONS_DIR_URL) {
  const path = fileURLToPath(new URL(`${slug}.json`, dir));
  const json = JSON.parse(readFileSync(path, "utf8"));
  checkActionData(slug, json);
  return json;
}

/** Every action of the data: `owner/repo` -> its facts. */
export function readAllActionData(dir = ACTIONS_DIR_URL) {
  return Object.fromEntries(listActions(dir).map((slug) => [slug, readActionData(slug, dir)]));
}

/** Writes the facts of one action in the file format the repository keeps (see formatJson). */
export function writeActionData(slug, json, dir = ACTIONS_DIR_URL) {
  checkActionData(slug, json);
  writeFileSync(fileURLToPath(new URL(`${slug}.json`, dir)), formatJson(json));
}

const SHA = /^[0-9a-f]{40}$/;
const RELEASE = /^v\d+(?:\.\d+){0,2}$/;

function checkActionData(slug, json) {
  const fail = (what) => {
    throw new Error(`data/actions/${slug}.json: ${what}`);
  };
  if (!SLUG.test(slug)) fail("the path is not <owner>/<repo>.json");
  if (typeof json?._source?.retrieved !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(json._source.retrieved)) {
    fail("_source.retrieved is not a date YYYY-MM-DD");
  }
  for (const [tag, sha] of Object.entries(json.tags ?? fail("no tags"))) {
    if (!RELEASE.test(tag)) fail(`tag "${tag}" is not a release tag vX, vX.Y or vX.Y.Z`);
    if (typeof sha !== "string" || !SHA.test(sha)) fail(`tag ${tag} is not a 40-hex commit SHA`);
  }
  for (const tag of json.annotated ?? fail("no annotated list")) {
    if (!(tag in json.tags)) fail(`annotated tag ${tag} is not in tags`);
  }
  for (const [ref, facts] of Object.entries(json.refs ?? fail("no refs"))) {
    if (!/^v\d+$/.test(ref) && !SHA.test(ref)) fail(`ref "${ref}" is neither a major tag nor a commit`);
    if (!SHA.test(facts.commit ?? "")) fail(`refs.${ref}.commit is not a 40-hex commit SHA`);
    if (/^v\d+$/.test(ref) && json.tags[ref] !== facts.commit) fail(`refs.${ref}.commit is not the commit of tag ${ref}`);
    if (facts.using !== undefined && typeof facts.using !== "string") fail(`refs.${ref}.using is not a string`);
    if (!Array.isArray(facts.outputs) || facts.outputs.some((name) => typeof name !== "string")) {
      fail(`refs.${ref}.outputs is not a list of names`);
    }
    for (const [name, input] of Object.entries(facts.inputs ?? fail(`refs.${ref} has no inputs`))) {
      const extra = Object.keys(input).filter((key) => !["required", "default", "deprecated"].includes(key));
      if (extra.length > 0) fail(`refs.${ref}.inputs.${name} has ${extra.join(", ")}; facts are required, default, deprecated`);
    }
  }
}

/**
 * The facts of a parsed action.yml: `runs.using`, each input's `required`, `default` and whether it is
 * deprecated, the output names. The one reading of action.yml, shared by the refresh script and `wfgen add`.
 */
export function actionFacts(yml) {
  const inputs = {};
  for (const [name, spec] of Object.entries(yml?.inputs ?? {})) {
    const fact = {};
    if (spec?.required !== undefined && spec?.required !== null) fact.required = spec.required === true || spec.required === "true";
    if (spec?.default !== undefined && spec?.default !== null) fact.default = spec.default;
    if (spec && "deprecationMessage" in spec) fact.deprecated = true;
    inputs[name] = fact;
  }
  const using = yml?.runs?.using;
  return { ...(typeof using === "string" && { using }), inputs, outputs: Object.keys(yml?.outputs ?? {}) };
}

/**
 * An action.yml that has exactly these facts (placeholder descriptions, no code): what the tests' fake
 * GitHub serves for an action of the data.
 */
export function actionYmlOf(slug, facts) {
  const inputs = Object.fromEntries(
    Object.entries(facts.inputs).map(([name, input]) => [
      name,
      {
        description: `input ${name}`,
        ...("required" in input && { required: input.required }),
        ...("default" in input && { default: input.default }),
        ...(input.deprecated && { deprecationMessage: "deprecated" }),
      },
    ]),
  );
  const outputs = Object.fromEntries(facts.outputs.map((name) => [name, { description: `output ${name}` }]));
  const runs = facts.using === undefined ? { plugin: "main" } : { using: facts.using, main: "dist/index.js" };
  return stringify(
    { name: slug, description: `facts of ${slug}`, inputs, ...(facts.outputs.length > 0 && { outputs }), runs },
    { lineWidth: 0 },
  );
}

// Lines up to this width keep an object or array on one line, so a ref's inputs read one per line.
const MAX_LINE = 120;

/** JSON with two-space indentation, where a value that fits on its line stays on one line. */
export function formatJson(value) {
  const flat = (item) => {
    if (item === null || typeof item !== "object") return JSON.stringify(item);
    if (Array.isArray(item)) return `[${item.map(flat).join(", ")}]`;
    return `{${Object.entries(item).map(([k, v]) => `${JSON.stringify(k)}: ${flat(v)}`).join(", ")}}`;
  };
  const render = (item, indent, prefix) => {
    const line = flat(item);
    if (item === null || typeof item !== "object" || indent.length + prefix.length + line.length <= MAX_LINE) return line;
    const inner = `${indent}  `;
    const entries = Array.isArray(item)
      ? item.map((v) => `${inner}${render(v, inner, "")}`)
      : Object.entries(item).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner, `${JSON.stringify(k)}: `)}`);
    const [open, close] = Array.isArray(item) ? ["[", "]"] : ["{", "}"];
    return entries.length === 0 ? `${open}${close}` : `${open}\n${entries.join(",\n")}\n${indent}${close}`;
  };
  return `${render(value, "", "")}\n`;
}
