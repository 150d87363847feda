/**
 * Rendering of expression nodes to GitHub's syntax, with the fewest parentheses that keep the meaning.
 */
import { renderLiteral, renderString } from "./literal.ts";
import { type HasNode, isIdentifier, NODE, type Node } from "./node.ts";

/** What rendering needs from the build: the context path of each handle (step or job reference). */
export interface RenderContext {
  /**
   * The context path text for `path` under `handle`, e.g. `steps.meta.outputs.tags`. Throws (with a message
   * naming the fix) when the reference is not valid where it is used.
   */
  resolveHandle(handle: object, path: readonly string[]): string;
}

/** A context for expressions that reference no handles; rendering a handle with it throws. */
export const noHandles: RenderContext = {
  resolveHandle(_handle, path) {
    throw new Error(
      `The expression references a step or job handle (…${path.map((p) => `.${p}`).join("")}); ` +
        "render it as part of a workflow so the handle can be resolved.",
    );
  },
};

// Binding strength, from GitHub's grammar: || < && < == != < < <= > >= < ! < postfix/primary.
const LOWEST = 0;
const OR = 2;
const AND = 3;
const EQUALITY = 4;
const RELATIONAL = 5;
const UNARY = 6;
const PRIMARY = 7;

interface Rendered {
  readonly text: string;
  readonly prec: number;
  /** GitHub's parser only allows `.x` / `[x]` after a context, a call or a parenthesised group. */
  readonly indexable: boolean;
}

const SIMPLE_PATH = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.(?:[A-Za-z_][A-Za-z0-9_-]*|\*)|\[(?:'(?:[^']|'')*'|\d+|\*)\])*$/;

/** Text that is a plain context path binds like a primary; anything else is treated as loosest. */
function classifyText(text: string): Rendered {
  const trimmed = text.trim();
  return SIMPLE_PATH.test(trimmed)
    ? { text: trimmed, prec: PRIMARY, indexable: true }
    : { text: trimmed, prec: LOWEST, indexable: false };
}

function wrap(r: Rendered, minPrec: number): string {
  return r.prec >= minPrec ? r.text : `(${r.text})`;
}

function indexableText(r: Rendered): string {
  return r.indexable ? r.text : `(${r.text})`;
}

function renderInner(node: Node, ctx: RenderContext): Rendered {
  switch (node.kind) {
    case "literal":
      return { text: renderLiteral(node.value), prec: PRIMARY, indexable: false };
    case "context":
      return { text: node.name, prec: PRIMARY, indexable: true };
    case "property": {
      const object = indexableText(renderInner(node.object, ctx));
      // GitHub coerces an index to both a number and a string, so `[0]` reads arrays and objects alike.
      const access = isIdentifier(node.name)
        ? `.${node.name}`
        : /^(0|[1-9][0-9]*)$/.test(node.name)
          ? `[${node.name}]`
          : `[${renderString(node.name)}]`;
      return { text: object + access, prec: PRIMARY, indexable: true };
    }
    case "index": {
      const object = indexableText(renderInner(node.object, ctx));
      return { text: `${object}[${renderInner(node.index, ctx).text}]`, prec: PRIMARY, indexable: true };
    }
    case "filter":
      return { text: `${indexableText(renderInner(node.object, ctx))}.*`, prec: PRIMARY, indexable: true };
    case "call": {
      const args = node.args.map((a) => renderInner(a, ctx).text).join(", ");
      return { text: `${node.name}(${args})`, prec: PRIMARY, indexable: true };
    }
    case "not":
      return { text: `!${wrap(renderInner(node.operand, ctx), UNARY)}`, prec: UNARY, indexable: false };
    case "comparison": {
      const prec = node.op === "==" || node.op === "!=" ? EQUALITY : RELATIONAL;
      // Left-associative: an equal-strength right operand needs parentheses, an equal-strength left one not.
      const left = wrap(renderInner(node.left, ctx), prec);
      const right = wrap(renderInner(node.right, ctx), prec + 1);
      return { text: `${left} ${node.op} ${right}`, prec, indexable: false };
    }
    case "logical": {
      const prec = node.op === "&&" ? AND : OR;
      const text = node.args.map((a) => wrap(renderInner(a, ctx), prec)).join(` ${node.op} `);
      return { text, prec, indexable: false };
    }
    case "handle":
      return classifyText(ctx.resolveHandle(node.handle, node.path));
    case "raw":
      return classifyText(node.text);
  }
}

/** The bare expression text of a node, e.g. `github.ref == 'refs/heads/main'`. */
export function renderNode(node: Node, ctx: RenderContext = noHandles): string {
  return renderInner(node, ctx).text;
}

/** The bare expression text, e.g. `github.ref == 'refs/heads/main'` (for `if:` and env values). */
export function renderExpression(expr: HasNode, ctx: RenderContext = noHandles): string {
  return renderNode(expr[NODE], ctx);
}

/** The expression as it appears inside YAML text: `${{ github.ref }}`. */
export function renderInterpolation(expr: HasNode, ctx: RenderContext = noHandles): string {
  return `\${{ ${renderExpression(expr, ctx)} }}`;
}
