// `contains('refs/heads/main refs/heads/release', github.ref)` looks like a membership test, but with a
// string as its first argument contains() searches for a substring: `refs/heads/mai`, `heads/main ref`
// and any branch whose name is a piece of the list pass. Whoever names a branch chooses github.ref.
import type { Node } from "../expr/node.ts";
import { accessPath, childrenOf, parseExpression, pathText, stringLiteral } from "./expression-flow.ts";
import { defineRule, type ModelPath } from "./types.ts";
import { expressionsOf, scalarText } from "./util.ts";

/** The first `contains(<string literal>, <context>)` in the expression. */
function reversedContains(ast: Node): { haystack: string; needle: string } | undefined {
  if (ast.kind === "call" && ast.name.toLowerCase() === "contains" && ast.args.length === 2) {
    const [haystack, needle] = ast.args as [Node, Node];
    const path = accessPath(needle);
    const text = stringLiteral(haystack);
    if (text !== undefined && path) return { haystack: text, needle: pathText(path) };
  }
  for (const child of childrenOf(ast)) {
    const found = reversedContains(child);
    if (found) return found;
  }
  return undefined;
}

export const unsoundContains = defineRule({
  id: "unsound-contains",
  severity: "warning",
  confidence: "high",
  summary: "An if: tests membership with contains('a b c', github.ref), which matches any substring of the text.",
  fix: "Test against a list: contains(fromJSON('[\"refs/heads/main\", \"refs/heads/release\"]'), github.ref), or compare with ==.",
  visits: ["job", "step"],
  documents: ["workflow", "action"],
  check(context) {
    const [value, path]: [unknown, ModelPath] =
      context.level === "job" ? [context.job.value.if, [...context.job.path, "if"]] : [context.step.value.if, [...context.step.path, "if"]];
    const text = scalarText(value);
    if (text === undefined) return;
    for (const inner of text.includes("${{") ? expressionsOf(text).map((e) => e.inner) : [text]) {
      const ast = parseExpression(inner);
      const found = ast && reversedContains(ast);
      if (!found) continue;
      const items = found.haystack.split(/[\s,]+/).filter((item) => item !== "");
      context.report({
        path,
        needle: found.needle,
        message: `contains('${found.haystack}', ${found.needle}) searches the text for ${found.needle} as a substring, so a value that is only a piece of it (${JSON.stringify(items[0]?.slice(0, -1) ?? "")}, say) passes too`,
        fix:
          items.length > 1
            ? `test against a list: contains(fromJSON('${JSON.stringify(items)}'), ${found.needle})`
            : `compare the whole value: ${found.needle} == '${found.haystack}'`,
      });
      return;
    }
  },
});
