// Strings as GitHub reads them. Where its schema takes a string, GitHub's parser reads a number, a boolean or
// null written there as its string form: `run: true` is the script "true", `version: 1.10` the string "1.1"
// (YAML has already made it a number), `name:` with no value the empty string. The model does the same, so
// the values it hands on are the strings GitHub uses.

import { z } from "zod";
import { expectedMessage } from "./messages.ts";

/** The string GitHub makes of a scalar where it takes a string. */
function asText(value: string | number | boolean | null): string {
  return typeof value === "string" ? value : value === null ? "" : String(value);
}

/** A string; a number, boolean or null written in its place is read as its string form. */
export const TextSchema = z
  .union([z.string(), z.number(), z.boolean(), z.null()], {
    error: (issue) => expectedMessage(issue.input, "a string"),
  })
  .transform(asText);

/** A string that is not empty; a number or boolean is read as its string form, null is refused. */
export const NonEmptyTextSchema = z
  .union([z.string().min(1), z.number(), z.boolean()], {
    error: (issue) => expectedMessage(issue.input, "a string"),
  })
  .transform(asText);
