// What the TypeScript compiler the repository uses says about some files, with the repository's strict options:
// for tests of what must compile and what must not (fixtures outside the main typecheck).
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** One problem the compiler reports: its 1-based line and its message, flattened. */
export interface TypeProblem {
  line: number;
  message: string;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The problems of one program made of `files`, by file name, under tsconfig.base.json's options and `extra`. */
export function typeProblems(files: readonly string[], extra: ts.CompilerOptions = {}): Map<string, TypeProblem[]> {
  const config = ts.readConfigFile(`${ROOT}tsconfig.base.json`, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  // One program for every file: building it (core's zod types included) is what takes the time.
  const program = ts.createProgram(files, { ...options, ...extra });
  const problems = new Map<string, TypeProblem[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? "(no file)";
    const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0;
    const list = problems.get(file) ?? [];
    list.push({ line, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n") });
    problems.set(file, list);
  }
  return problems;
}
