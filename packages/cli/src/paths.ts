/** How paths are shown to users: relative to the working folder, with `/`, whatever the OS. */
import { isAbsolute, relative, sep } from "node:path";

/** `abs` relative to `cwd`, with forward slashes (`.github/workflows/ci.yml`). */
export function displayPath(abs: string, cwd: string): string {
  const rel = isAbsolute(abs) ? relative(cwd, abs) : abs;
  return (rel === "" ? "." : rel).split(sep).join("/");
}
