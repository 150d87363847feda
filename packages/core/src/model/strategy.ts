// `strategy:` of a job: the matrix it fans out over, and how the copies fail and run side by side.

import { z } from "zod";
import { orExpression } from "./expression.ts";
import { nonEmpty, strictObject } from "./object.ts";

// A matrix value is whatever the user needs (numbers, strings, mappings for include entries); GitHub puts no
// rule on it beyond being data, so neither does the model.
const MATRIX_VALUES = orExpression(z.array(z.unknown()).min(1), "a list of values");
const MATRIX_FILTER = orExpression(z.array(z.record(z.string(), z.unknown())).min(1), "a list of mappings");

/**
 * The mapping form of `matrix:`: each key the user names maps to its list of values (or an expression
 * yielding it); `include` adds combinations and `exclude` removes them.
 */
export const MatrixObjectSchema = nonEmpty(
  z.object({ include: MATRIX_FILTER.optional(), exclude: MATRIX_FILTER.optional() }).catchall(MATRIX_VALUES),
  "empty; a matrix needs at least one key",
);

/** `strategy.matrix`: the mapping form, or one expression that yields it (`${{ fromJSON(...) }}`). */
export const MatrixSchema = orExpression(MatrixObjectSchema, "a mapping of matrix keys to lists of values");

/** `strategy.matrix`. */
export type Matrix = z.infer<typeof MatrixSchema>;

/** `strategy:` of a job. `fail-fast` defaults to true; `max-parallel` to as many as runners allow. */
export const StrategySchema = strictObject(
  {
    matrix: MatrixSchema,
    "fail-fast": orExpression(z.boolean(), "true or false").optional(),
    "max-parallel": orExpression(z.number(), "a number").optional(),
  },
  "strategy",
);

/** `strategy:` of a job. */
export type Strategy = z.infer<typeof StrategySchema>;
