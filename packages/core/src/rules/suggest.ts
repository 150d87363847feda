/** "Did you mean" suggestions for rule ids and names; the same rules as the model's messages. */
export { closest } from "../model/suggest.ts";
