/**
 * A workflow definition is user code's data, and must be a tree of values YAML can hold before any stage
 * walks it: every later stage recurses through it, so a value that contains itself or nests absurdly deep
 * would exhaust the stack, and a BigInt, a function or a symbol has no YAML form. One walk finds them all
 * and names the first one by its path.
 */
import { isExpr, isScript } from "../expr/index.ts";
import { isJobDefinition } from "./job.ts";
import { isStepDefinition } from "./step.ts";

/** How deep plain objects and arrays may nest; a workflow needs a handful of levels. */
export const MAX_VALUE_DEPTH = 64;

/** The first value of `input` that cannot be written as YAML, as a message; undefined when there is none. */
export function valueProblem(input: object): string | undefined {
  // The objects being visited, outermost first: a value among them contains itself. A list, not a set: it
  // is as long as the nesting is deep (64 at most), and most objects are looked up in `done` first.
  const open: object[] = [];
  const done = new Set<object>();
  // The keys down to the value being visited, and whether each is a list's index; spelled out only for a
  // message (every value of every workflow passes through here).
  const keys: string[] = [];
  const inList: boolean[] = [];
  const at = (): string =>
    keys
      .map((key, i) => (inList[i] ? `[${key}]` : /^[A-Za-z_][\w-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`))
      .join("")
      .replace(/^\./, "") || "the definition";

  const visit = (value: unknown, depth: number): string | undefined => {
    switch (typeof value) {
      case "bigint":
        return `${at()} is the BigInt ${value}n, which YAML cannot hold; write it as a number or a string`;
      case "function":
        return `${at()} is a function, which YAML cannot hold; call it, or pass the value it returns`;
      case "symbol":
        return `${at()} is a symbol, which YAML cannot hold`;
      case "object":
        break;
      default:
        return undefined;
    }
    if (value === null || isExpr(value) || isScript(value) || done.has(value)) return undefined;
    if (open.includes(value)) return `${at()} contains itself (a circular reference), which YAML cannot hold`;
    if (depth > MAX_VALUE_DEPTH) return `${at()} is nested more than ${MAX_VALUE_DEPTH} levels deep`;
    // A job or step handle is checked through its definition, once however often it is referenced.
    const inner = isJobDefinition(value) || isStepDefinition(value) ? (value as { input: object }).input : value;
    open.push(value);
    const list = Array.isArray(inner);
    let holdsObjects = false;
    for (const key of Object.keys(inner)) {
      const item = (inner as Record<string, unknown>)[key];
      // Text, numbers and booleans hold nothing to look into: most values of a workflow.
      const kind = typeof item;
      if (kind === "string" || kind === "number" || kind === "boolean") continue;
      if (item !== null && item !== undefined) holdsObjects = true;
      keys.push(key);
      inList.push(list);
      // A key whose value is undefined is left out of a mapping; a list has no way to leave an item out.
      if (item === undefined && list) {
        return `${at()} is undefined, which a YAML list cannot hold; leave it out of the list (\`.filter(Boolean)\`) or give it a value`;
      }
      const problem = visit(item, depth + 1);
      if (problem !== undefined) return problem;
      keys.pop();
      inList.pop();
    }
    open.pop();
    // Only objects that hold objects are remembered: a second look at one that holds none costs no more than
    // its keys, and remembering each (most of a workflow's objects) grew the set for nothing.
    if (holdsObjects) done.add(value);
    return undefined;
  };
  return visit(input, 0);
}
