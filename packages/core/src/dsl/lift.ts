/**
 * DSL input types are derived from the model's inferred types: wherever the YAML takes text, a number or
 * a boolean, the DSL also takes a typed expression. One source of truth, with no twin interfaces.
 */
import type { Expr } from "../expr/index.ts";

// `any` on purpose: an Expr of any result type may stand where GitHub accepts an expression.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExpr = Expr<any>;

/** Text that may hold an expression: a string (possibly with embedded `${expr}`) or an Expr. */
export type Text = string | AnyExpr;

/** A model type with expressions allowed at every scalar. */
export type Lift<T> = T extends string
  ? T | AnyExpr
  : T extends number
    ? T | AnyExpr
    : T extends boolean
      ? T | AnyExpr
      : T extends null | undefined
        ? T
        : T extends readonly (infer E)[]
          ? readonly Lift<E>[]
          : T extends object
            ? { [K in keyof T]: Lift<T[K]> }
            : T;

/** `Omit` that distributes over unions (the model's step and job types are unions). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
