/**
 * The operators as standalone functions, for conditions that read better prefix-style:
 * `and(eq(github.ref, "refs/heads/main"), not(cancelled()))`.
 */
import { compare, Expr, logical, type Operand, toNode, type ValueOf } from "./expr.ts";

/** `left == right` (GitHub compares strings case-insensitively). */
export function eq(left: Operand, right: Operand): Expr<boolean> {
  return compare("==", left, right);
}

/** `left != right`. */
export function ne(left: Operand, right: Operand): Expr<boolean> {
  return compare("!=", left, right);
}

/** `left < right`. */
export function lt(left: Operand, right: Operand): Expr<boolean> {
  return compare("<", left, right);
}

/** `left <= right`. */
export function le(left: Operand, right: Operand): Expr<boolean> {
  return compare("<=", left, right);
}

/** `left > right`. */
export function gt(left: Operand, right: Operand): Expr<boolean> {
  return compare(">", left, right);
}

/** `left >= right`. */
export function ge(left: Operand, right: Operand): Expr<boolean> {
  return compare(">=", left, right);
}

/** `a && b && ...`: the first falsy operand, or the last one. */
export function and<O extends readonly Operand[]>(...operands: O): Expr<ValueOf<O[number]>> {
  return logical("&&", operands);
}

/** `a || b || ...`: the first truthy operand, or the last one (`cond && 'x' || 'y'` is GitHub's ternary). */
export function or<O extends readonly Operand[]>(...operands: O): Expr<ValueOf<O[number]>> {
  return logical("||", operands);
}

/** `!operand`. */
export function not(operand: Operand): Expr<boolean> {
  return new Expr({ kind: "not", operand: toNode(operand) });
}
