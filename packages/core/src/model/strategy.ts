// `strategy:` of a job: the matrix it fans out over, and how the copies fail and run side by side.
// Expressions may stand for the whole strategy or any part of it. GitHub checks a matrix only when the job
// runs (a key with no values there fails the run), so an empty matrix or list is not a syntax error.

import { z } from "zod";
import { orExpression } from "./expression.ts";
import { strictObject } from "./object.ts";

// A matrix value is whatever the user needs (numbers, strings, mappings for include entries); GitHub puts no
// rule on it beyond being data, so neither does the model.
const MATRIX_VALUES = orExpression(z.array(z.unknown()), "a list of values");
const MATRIX_FILTER = orExpression(
  z.array(orExpression(z.record(z.string().min(1), z.unknown()), "a mapping")),
  "a list of mappings",
);

/**
 * The mapping form of `matrix:`: each key the user names maps to its list of values (or an expression
 * yielding it); `include` adds combinations and `exclude` removes them.
 */
export const MatrixObjectSchema = z
  .object({ include: MATRIX_FILTER.optional(), exclude: MATRIX_FILTER.optional() })
  .catchall(MATRIX_VALUES);

/** `strategy.matrix`: the mapping form, or one expression that yields it (`${{ fromJSON(...) }}`). */
export const MatrixSchema = orExpression(MatrixObjectSchema, "a mapping of matrix keys to lists of values");

/** `strategy.matrix`. */
export type Matrix = z.infer<typeof MatrixSchema>;

/** The mapping form of `strategy:`. `fail-fast` defaults to true; `max-parallel` to as many as runners allow. */
export const StrategyObjectSchema = strictObject(
  {
    matrix: MatrixSchema.optional(),
    "fail-fast": orExpression(z.boolean(), "true or false").optional(),
    "max-parallel": orExpression(z.number(), "a number").optional(),
  },
  "strategy",
);

/** `strategy:` of a job: the mapping form, or one expression that yields it. */
export const StrategySchema = orExpression(StrategyObjectSchema, "a mapping with matrix, fail-fast or max-parallel");

/** `strategy:` of a job. */
export type Strategy = z.infer<typeof StrategySchema>;
