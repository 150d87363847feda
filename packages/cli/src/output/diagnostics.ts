/** Diagnostics as text for the terminal; `--json` prints the records themselves. */
import type { Diagnostic } from "@wfgen/core";
import type { Style } from "./style.ts";
import { visible } from "./visible.ts";

/**
 * Every diagnostic, errors first, each as core formats it with its severity coloured. Async because
 * core is imported lazily (see plan.ts); by the time there are diagnostics it is loaded.
 */
export async function formatDiagnostics(diagnostics: Diagnostic[], style: Style): Promise<string> {
  const { formatDiagnostic } = await import("@wfgen/core");
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...diagnostics]
    .sort((a, b) => rank[a.severity] - rank[b.severity])
    .map((d) => {
      const text = visible(formatDiagnostic(d));
      const paint = d.severity === "error" ? style.red : d.severity === "warning" ? style.yellow : style.cyan;
      return `${text.replace(`${d.severity} [`, `${paint(d.severity)} [`)}\n`;
    })
    .join("");
}

/** Whether any diagnostic forbids writing. */
export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** `2 errors`, `1 warning`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
