// `toJSON(secrets)` hands every secret of the repository to whatever reads the value, and `secrets[x]` with
// a computed x makes GitHub send every secret to the runner, since it cannot tell in advance which one the
// expression picks. A step that needs one secret should name it: that is all the job then receives.
import type { Node } from "../expr/node.ts";
import { childrenOf, parseExpression } from "./expression-flow.ts";
import { defineRule, type ModelPath } from "./types.ts";
import { expressionsOf, isObject } from "./util.ts";

/** How an expression reads the secrets context as a whole, in words; undefined when it names each secret. */
function wholeSecrets(ast: Node): string | undefined {
  let found: string | undefined;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.kind === "index" && isSecretsContext(node.object) && node.index.kind !== "literal") {
      found = "indexes the secrets with a computed name; GitHub cannot tell which secret it picks, so it sends every secret to the runner, where any step of the job can get at them";
      return;
    }
    if (isSecretsContext(node) || (node.kind === "filter" && isSecretsContext(node.object))) {
      found = "reads the whole secrets context; every step or action that can read this value gets every secret of the repository";
      return;
    }
    for (const child of children(node)) visit(child);
  };
  visit(ast);
  return found;
}

function isSecretsContext(node: Node): boolean {
  return node.kind === "context" && node.name.toLowerCase() === "secrets";
}

// The sub-expressions of a node, except the object of `secrets.NAME` and `secrets['NAME']`, which name one secret.
function children(node: Node): Node[] {
  return (node.kind === "index" || node.kind === "property" || node.kind === "filter") && isSecretsContext(node.object) ? [] : childrenOf(node);
}

/** Every string in the workflow, with its path. */
function* strings(value: unknown, path: ModelPath): Generator<[string, ModelPath]> {
  if (typeof value === "string") yield [value, path];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

export const overprovisionedSecrets = defineRule({
  id: "overprovisioned-secrets",
  severity: "warning",
  confidence: "high",
  summary: "An expression reads every secret at once: toJSON(secrets), or secrets[...] with a computed name.",
  fix: "Name each secret the step needs (secrets.NPM_TOKEN); for a choice among a few, write them out (matrix values naming secrets.A or secrets.B).",
  visits: ["workflow"],
  check(context) {
    for (const [text, path] of strings(context.workflow.value, [])) {
      for (const expression of expressionsOf(text)) {
        const ast = parseExpression(expression.inner);
        const how = ast && wholeSecrets(ast);
        if (!how) continue;
        context.report({
          path,
          needle: expression.text,
          message: `${expression.text.replace(/\s+/g, " ")} ${how}`,
        });
      }
    }
  },
});
