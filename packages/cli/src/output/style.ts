/** Terminal colours: only on a TTY, never with NO_COLOR (https://no-color.org). */
import type { IO } from "../io.ts";

/** Wrappers that colour text, or return it unchanged when colours are off. */
export interface Style {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/** The style for `io`. */
export function styleFor(io: IO): Style {
  const on = io.isTTY && !io.env.NO_COLOR;
  const wrap =
    (open: number, close: number) =>
    (text: string): string =>
      on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    bold: wrap(1, 22),
    dim: wrap(2, 22),
  };
}
