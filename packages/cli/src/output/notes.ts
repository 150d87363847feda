/** Notes a command prints as it goes (`note: ...` on stderr) and also reports in its `--json` result. */
import type { IO } from "../io.ts";
import type { Style } from "./style.ts";

/** A list of notes and the function that adds one; printed at once unless the command writes JSON. */
export function noteTaker(io: IO, json: boolean, style: Style): { notes: string[]; note: (text: string) => void } {
  const notes: string[] = [];
  const note = (text: string): void => {
    notes.push(text);
    if (!json) io.stderr.write(`${style.yellow("note:")} ${text}\n`);
  };
  return { notes, note };
}
