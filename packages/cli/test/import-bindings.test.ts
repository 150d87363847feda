/**
 * `src/import/bindings.gen.ts` is what `wfgen import` knows of the typed bindings: for each action, its
 * binding's name, majors, inputs (name, type, required) and outputs. It is derived here from the bindings'
 * own TypeScript, so import can never offer an input or a major the bindings do not have.
 * `WFGEN_UPDATE_IMPORT=1 pnpm exec vitest run packages/cli/test/import-bindings.test.ts` rewrites it.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const GENERATED = fileURLToPath(new URL("../../actions/src/generated/", import.meta.url));
const TABLE = fileURLToPath(new URL("../src/import/bindings.gen.ts", import.meta.url));

interface Major {
  uses: string;
  inputs: Record<string, { type: unknown; required?: true }>;
  outputs: string[];
  lists: Record<string, string>;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []))
    .sort();
}

/** The type of an input, from the text of its declared type. */
function inputType(node: ts.TypeNode, source: ts.SourceFile): unknown {
  const text = node.getText(source);
  const simple: Record<string, string> = {
    Text: "text",
    "Text | number": "text-or-number",
    BooleanInput: "boolean",
    NumberInput: "number",
    ListInput: "list",
  };
  if (simple[text]) return simple[text];
  if (!ts.isUnionTypeNode(node)) throw new Error(`unknown input type ${text}`);
  const values: Array<string | boolean> = [];
  for (const member of node.types) {
    const member_ = member.getText(source);
    if (member_ === "AnyExpr") continue;
    if (member_ === "boolean") values.push(true, false);
    else if (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal)) values.push(member.literal.text);
    else throw new Error(`unknown member ${member_} in ${text}`);
  }
  return { oneOf: values };
}

function literal(node: ts.Expression): unknown {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) throw new Error("unexpected property");
      const name = ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) ? p.name.text : p.name.getText();
      out[name] = literal(p.initializer);
    }
    return out;
  }
  throw new Error(`unexpected literal ${ts.SyntaxKind[node.kind]}`);
}

/** The table, as `bindings.gen.ts` holds it. */
function generate(): string {
  const actions: Record<string, { binding: string; latest: string; majors: Record<string, Major> }> = {};
  for (const file of files(GENERATED)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const specs = new Map<string, { uses: string; lists: Record<string, string> }>();
    const withs = new Map<string, Major["inputs"]>();
    const outputs = new Map<string, string[]>();
    let binding = "";
    let latestSpec = "";
    const majors: string[] = [];
    for (const statement of source.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && /^V\d+$/.test(d.name.text) && d.initializer)
            specs.set(d.name.text, literal(d.initializer) as { uses: string; lists: Record<string, string> });
        }
      } else if (ts.isInterfaceDeclaration(statement) && /V\d+With$/.test(statement.name.text)) {
        const major = /V(\d+)With$/.exec(statement.name.text)![1]!;
        const inputs: Major["inputs"] = {};
        for (const member of statement.members) {
          if (!ts.isPropertySignature(member) || !member.type) continue;
          const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : "";
          inputs[name] = { type: inputType(member.type, source), ...(member.questionToken ? {} : { required: true as const }) };
        }
        withs.set(major, inputs);
      } else if (ts.isTypeAliasDeclaration(statement) && /V\d+Output$/.test(statement.name.text)) {
        const major = /V(\d+)Output$/.exec(statement.name.text)![1]!;
        const type = statement.type;
        const names = ts.isUnionTypeNode(type) ? [...type.types] : [type];
        outputs.set(
          major,
          names.flatMap((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : [])),
        );
      } else if (ts.isFunctionDeclaration(statement) && statement.name) {
        binding = statement.name.text;
        latestSpec = /actionStep\((V\d+)/.exec(statement.body!.getText(source))![1]!;
      } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
        const left = statement.expression.left.getText(source);
        const m = /^\w+\.(v\d+)$/.exec(left);
        if (m) majors.push(m[1]!);
      }
    }
    const first = specs.values().next().value!;
    const name = first.uses.split("@")[0]!;
    const table: Record<string, Major> = {};
    for (const v of majors) {
      const n = v.slice(1);
      const spec = specs.get(`V${n}`)!;
      table[v] = { uses: spec.uses, inputs: withs.get(n) ?? {}, outputs: outputs.get(n) ?? [], lists: spec.lists };
    }
    actions[name] = { binding, latest: `v${latestSpec.slice(1)}`, majors: table };
  }
  const sorted = Object.fromEntries(Object.entries(actions).sort(([a], [b]) => (a < b ? -1 : 1)));
  return (
    "// Generated by packages/cli/test/import-bindings.test.ts from packages/actions/src/generated; do not edit.\n" +
    "// Regenerate with: WFGEN_UPDATE_IMPORT=1 pnpm exec vitest run packages/cli/test/import-bindings.test.ts\n" +
    'import type { BindingTable } from "./bindings.ts";\n\n' +
    "/** Every typed binding `wfgen import` may write, by action (`owner/repo`). */\n" +
    `export const BINDINGS: BindingTable = ${JSON.stringify(sorted, null, 2)};\n`
  );
}

describe("the binding table of wfgen import", () => {
  test("matches the generated bindings of @wfgen/actions", () => {
    const expected = generate();
    if (process.env.WFGEN_UPDATE_IMPORT) writeFileSync(TABLE, expected);
    expect(readFileSync(TABLE, "utf8"), "regenerate it: see the top of this test").toBe(expected);
  });
});
