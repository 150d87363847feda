/**
 * The generated file: imports, then each workflow's handles and its export, assembled with ts-morph and
 * formatted with prettier (with the project's own prettier configuration when it has one, so a prettier
 * hook never rewrites what import wrote). Both are heavy and loaded here only, when import runs.
 */
import { lineComment, writeCode } from "./code.ts";
import type { Formatter } from "./format.ts";
import type { Statement } from "./convert.ts";

/**
 * Prints the file piece by piece: each workflow's declarations (its handles, then its export) as soon as
 * they are converted, then the imports, which are known only at the end, at the top. Each piece is handed
 * to the formatter at once, so printing and formatting overlap.
 *
 * Formatting the pieces one by one gives what formatting the whole file gives, since prettier lays out
 * top-level statements independently (a test checks that the file is a fixed point), while the many small
 * runs keep prettier's memory, and so the garbage collector's work, small (formatting 4 MB at once spent a
 * third of its time collecting).
 */
export class SourcePrinter {
  private readonly pieces: Array<Promise<string>> = [];

  private constructor(
    private readonly project: import("ts-morph").Project,
    private readonly formatter: Formatter,
  ) {}

  /** A printer whose pieces are formatted with the prettier configuration that applies to `configFile`. */
  static async create(configFile: string | undefined, formatter: Formatter): Promise<SourcePrinter> {
    const [{ Project }, prettier] = await Promise.all([import("ts-morph"), import("prettier")]);
    const config = configFile ? ((await prettier.resolveConfig(configFile)) ?? {}) : {};
    formatter.setOptions({ ...config, parser: "typescript", filepath: undefined });
    // ts-morph's code writer, not its statement structures: a structure is parsed back into a syntax tree
    // once printed, which cost 3 s of a 4 MB import and adds nothing here, where prettier lays the code out.
    return new SourcePrinter(new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true }), formatter);
  }

  /** One workflow's declarations. */
  add(statements: readonly Statement[]): void {
    const writer = this.project.createWriter();
    statements.forEach((s, index) => {
      // A blank line between declarations, as a person writes them.
      if (index > 0) writer.blankLine();
      for (const line of s.leading) writer.writeLine(lineComment(line));
      writer.write(`${s.exported ? "export " : ""}const ${s.name} = `).write(writeCode(s.code)).write(";").newLine();
      for (const line of s.trailing) writer.writeLine(lineComment(line));
    });
    const formatted = this.formatter.format(writer.toString());
    // Awaited in finish(); until then a failure must not count as an unhandled rejection.
    formatted.catch(() => undefined);
    this.pieces.push(formatted);
  }

  /** The whole file: `header` comment lines and the imports, then every piece, formatted. */
  async finish(header: readonly string[], wfgen: ReadonlySet<string>, actions: ReadonlySet<string>): Promise<string> {
    const writer = this.project.createWriter();
    for (const line of header) writer.writeLine(lineComment(line));
    const sorted = (names: ReadonlySet<string>): string[] => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [module, names] of [
      ["wfgen", sorted(wfgen)],
      ["wfgen/actions", sorted(actions)],
    ] as const) {
      if (names.length > 0) writer.writeLine(`import { ${names.join(", ")} } from ${JSON.stringify(module)};`);
    }
    const [head, ...pieces] = await Promise.all([this.formatter.format(writer.toString()), ...this.pieces]);
    return [head, ...pieces].join("\n");
  }
}
