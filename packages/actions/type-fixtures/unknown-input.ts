// Compiled by test/types.test.ts, which expects three errors: an input checkout does not have, a value of
// the wrong type for a number input, and `uses`, which is the binding's to set.
import { checkout } from "@wfgen/actions";

export const typo = checkout({ with: { "fetch-dept": 0 } });
export const wrongType = checkout({ with: { "fetch-depth": "all" } });
export const withUses = checkout({ uses: "actions/checkout@v4" });
