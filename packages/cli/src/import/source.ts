/**
 * The generated file: imports, then each workflow's handles and its export, assembled with ts-morph and
 * formatted with prettier (with the project's own prettier configuration when it has one, so a prettier
 * hook never rewrites what import wrote). Both are heavy and loaded here only, when import runs.
 */
import type { ImportDeclarationStructure, StatementStructures, VariableStatementStructure } from "ts-morph";
import { lineComment, writeCode } from "./code.ts";
import type { Statement } from "./convert.ts";

/** What goes into the file. */
export interface SourceFile {
  /** Comment lines at the top of the file. */
  header: string[];
  wfgen: ReadonlySet<string>;
  actions: ReadonlySet<string>;
  statements: Statement[];
}

/** The file's text, formatted. `configFile` is where prettier looks for the project's configuration. */
export async function printSource(file: SourceFile, configFile: string | undefined): Promise<string> {
  const [{ Project, StructureKind, VariableDeclarationKind }, prettier] = await Promise.all([
    import("ts-morph"),
    import("prettier"),
  ]);
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const sorted = (names: ReadonlySet<string>): string[] => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const imports = [
    { module: "wfgen", names: sorted(file.wfgen) },
    { module: "wfgen/actions", names: sorted(file.actions) },
  ].filter((i) => i.names.length > 0);

  // One structure for the whole file: ts-morph prints it once (adding statements one by one re-parses).
  const statements: StatementStructures[] = [
      ...imports.map((i, index): ImportDeclarationStructure => ({
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: i.module,
        namedImports: i.names,
        ...(index === 0 && file.header.length > 0 && { leadingTrivia: `${file.header.map(lineComment).join("\n")}\n` }),
      })),
      ...file.statements.map((s): VariableStatementStructure => ({
        kind: StructureKind.VariableStatement,
        isExported: s.exported,
        declarationKind: VariableDeclarationKind.Const,
        // A blank line before each declaration, as a person writes them.
        leadingTrivia: `\n${s.leading.map((c) => `${lineComment(c)}\n`).join("")}`,
        ...(s.trailing.length > 0 && { trailingTrivia: `\n${s.trailing.map(lineComment).join("\n")}` }),
        declarations: [{ name: s.name, initializer: writeCode(s.code) }],
      })),
  ];
  const source = project.createSourceFile("workflows.ts", { statements });
  const text = source.getFullText();
  const config = configFile ? ((await prettier.resolveConfig(configFile)) ?? {}) : {};
  return prettier.format(text, { ...config, parser: "typescript", filepath: undefined });
}
