/**
 * Placeholders that let an `Expr` travel through plain JavaScript strings. `${env.REGISTRY}/app` in a template
 * literal calls `toString()`, which cannot know the step or job it will be rendered for; it returns a token
 * (private-use delimiters around a registry id) that the build later replaces with `${{ ... }}`.
 */
import type { Expr } from "./expr.ts";
import { type RenderContext, renderInterpolation } from "./render.ts";

const OPEN = "\uE000";
const CLOSE = "\uE001";
const TOKEN = /\uE000(\d+)\uE001/g;
// Separate from TOKEN: `test` on a global regex leaves `lastIndex` behind, which `matchAll` would inherit.
const HAS_TOKEN = /\uE000\d+\uE001/;

// Expressions are few (a workflow file has dozens), so a process-wide map is cheap and never needs pruning.
const byId = new Map<string, Expr<unknown>>();
const byExpr = new WeakMap<object, string>();

/** The placeholder token for `expr`, registering it on first use; the same object always gets the same token. */
export function tokenFor(expr: Expr<unknown>): string {
  let id = byExpr.get(expr);
  if (id === undefined) {
    id = String(byId.size + 1);
    byId.set(id, expr);
    byExpr.set(expr, id);
  }
  return OPEN + id + CLOSE;
}

function lookup(id: string): Expr<unknown> {
  const expr = byId.get(id);
  if (!expr) {
    throw new Error(
      `Unknown expression placeholder #${id} in a string: it was not made by this wfgen instance ` +
        "(was the text copied between processes, or built by two copies of wfgen?).",
    );
  }
  return expr;
}

/** Whether `text` contains an expression placeholder. */
export function hasTokens(text: string): boolean {
  return HAS_TOKEN.test(text);
}

/** The text split into literal pieces and the expressions of its placeholders, in order; empty pieces dropped. */
export function splitTokens(text: string): Array<string | Expr<unknown>> {
  const parts: Array<string | Expr<unknown>> = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(lookup(m[1] as string));
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The expressions whose placeholders occur in `text`, in order of appearance. */
export function tokensIn(text: string): Array<Expr<unknown>> {
  return splitTokens(text).filter((p): p is Expr<unknown> => typeof p !== "string");
}

/** `text` with every placeholder replaced by its `${{ ... }}` interpolation, rendered in `ctx`. */
export function resolveTokens(text: string, ctx: RenderContext): string {
  return text.replace(TOKEN, (_, id: string) => renderInterpolation(lookup(id), ctx));
}
