import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { emitYaml } from "./emit.ts";
import { formatInline, formatValue, isPlainSafe, literalBlock } from "./scalar.ts";

/** Emits `value` as an env value between two others, so it is written where any value would be. */
function emitInEnv(value: string): string {
  return emitYaml({ env: { A: "start", B: value, C: "end" } });
}

async function expectReadBackEverywhere(value: string): Promise<void> {
  const text = emitInEnv(value);
  expect(parse(text).env.B).toBe(value);
  expect(parse(text, { version: "1.1" }).env.B).toBe(value);
  expect(await prettier.format(text, { parser: "yaml" })).toBe(text);
}

// [input, exact emitted text]: the cases users hit, one per quoting rule.
const INLINE: readonly [string, string][] = [
  ["ubuntu-latest", "ubuntu-latest"],
  ["${{ github.repository }}", "${{ github.repository }}"],
  ["ghcr.io/${{ env.IMAGE }}", "ghcr.io/${{ env.IMAGE }}"],
  ["20.x", "20.x"],
  ["1.2.3", "1.2.3"],
  ["--password-stdin", "--password-stdin"],
  ["v*", "v*"],
  ["a:b", "a:b"],
  ["a#b", "a#b"],
  ["it's", "it's"],
  ['say "hi"', 'say "hi"'],
  ["C:\\path", "C:\\path"],
  ["é 😀 日本", "é 😀 日本"],
  // YAML 1.1 booleans and nulls, in every casing
  ["true", '"true"'],
  ["False", '"False"'],
  ["yes", '"yes"'],
  ["Yes", '"Yes"'],
  ["NO", '"NO"'],
  ["y", '"y"'],
  ["n", '"n"'],
  ["on", '"on"'],
  ["Off", '"Off"'],
  ["yEs", '"yEs"'],
  ["~", '"~"'],
  ["null", '"null"'],
  ["Null", '"Null"'],
  ["NULL", '"NULL"'],
  ["", '""'],
  // numbers in YAML 1.1 or 1.2
  ["20", '"20"'],
  ["3.10", '"3.10"'],
  ["0755", '"0755"'],
  ["0o17", '"0o17"'],
  ["1e3", '"1e3"'],
  ["0x1F", '"0x1F"'],
  ["0b101", '"0b101"'],
  [".inf", '".inf"'],
  ["-.Inf", '"-.Inf"'],
  [".nan", '".nan"'],
  ["1_000", '"1_000"'],
  ["+1", '"+1"'],
  ["1:20", '"1:20"'],
  ["2024-01-01", '"2024-01-01"'],
  // YAML 1.1's float grammar makes a lone dot a number (the `yaml` package reads it as null)
  [".", '"."'],
  // leading indicators
  ["- item", '"- item"'],
  ["-", '"-"'],
  ["---", '"---"'],
  ["?x", '"?x"'],
  [":x", '":x"'],
  [",x", '",x"'],
  ["[x]", '"[x]"'],
  ["{x}", '"{x}"'],
  ["#x", '"#x"'],
  ["&x", '"&x"'],
  ["*x", '"*x"'],
  ["!x", '"!x"'],
  ["|x", '"|x"'],
  [">x", '">x"'],
  ["%x", '"%x"'],
  ["@x", '"@x"'],
  ["`x`", '"`x`"'],
  ["'x'", "\"'x'\""],
  // what ends a plain scalar early
  ["a: b", '"a: b"'],
  ["a #b", '"a #b"'],
  ["a:", '"a:"'],
  [" lead", '" lead"'],
  ["trail ", '"trail "'],
  // prettier turns `\"` into single quotes, and single quotes need no `\` escaping
  ['"x"', "'\"x\"'"],
  ['"x" it\'s', "'\"x\" it''s'"],
  ["#\\d+", "'#\\d+'"],
  // characters that need escapes
  ["a\tb", '"a\\tb"'],
  ["\0", '"\\0"'],
  ["bell\x07", '"bell\\a"'],
  ["x\x7f", '"x\\x7F"'],
  ["next\u0085line", '"next\\x85line"'],
  ["a\u2028b", '"a\\u2028b"'],
  ["\ufeffbom", '"\\uFEFFbom"'],
  ["\ud800", '"\\uD800"'],
  ['"q"\t', '"\\"q\\"\\t"'],
];

describe("inline scalars", () => {
  test.each(INLINE)("%j is written as %s", async (input, expected) => {
    expect(formatValue(input, true)).toBe(expected);
    expect(emitInEnv(input)).toBe(`env:\n  A: start\n  B: ${expected}\n  C: end\n`);
    await expectReadBackEverywhere(input);
  });

  test("numbers and booleans", () => {
    expect(formatValue(20, true)).toBe("20");
    expect(formatValue(-0.25, true)).toBe("-0.25");
    expect(formatValue(1e21, true)).toBe("1e+21");
    expect(formatValue(true, true)).toBe("true");
    expect(formatValue(false, true)).toBe("false");
    const text = emitYaml({ env: { RATIO: 1.5, DEBUG: false, EMPTY: null } });
    expect(text).toBe("env:\n  RATIO: 1.5\n  DEBUG: false\n  EMPTY:\n");
    expect(parse(text)).toEqual({ env: { RATIO: 1.5, DEBUG: false, EMPTY: null } });
  });

  test("long lines are never folded", async () => {
    const long = "word ".repeat(40).trim();
    expect(formatInline(long)).toBe(long);
    await expectReadBackEverywhere(long);
    await expectReadBackEverywhere(`${long}: x`);
  });

  test("any plain scalar reads back as the same string in YAML 1.1 and 1.2", () => {
    const numberish = fc.string({
      unit: fc.constantFrom(..."0123456789._:+-eExXoObBfFinaINAtTzZ ~yYsS".split("")),
      maxLength: 10,
    });
    fc.assert(
      fc.property(numberish, (s) => {
        if (!isPlainSafe(s)) return;
        expect(parse(`a: ${s}`).a).toBe(s);
        expect(parse(`a: ${s}`, { version: "1.1" }).a).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });
});

// [input, header, lines]: multi-line strings as literal blocks.
const BLOCKS: readonly [string, string, string[]][] = [
  ["echo a\necho b\n", "|", ["echo a", "echo b"]],
  ["echo a\necho b", "|-", ["echo a", "echo b"]],
  ["echo a\n\n", "|+", ["echo a", ""]],
  ["a\n\nb\n", "|", ["a", "", "b"]],
  ["\nleading empty line\n", "|", ["", "leading empty line"]],
  ["  indented\nnot\n", "|2", ["  indented", "not"]],
  ["\n  indented after an empty line", "|2-", ["", "  indented after an empty line"]],
  ["\tmake recipe\n", "|", ["\tmake recipe"]],
  ["key: value # comment\n- item\n", "|", ["key: value # comment", "- item"]],
  ["quotes ' \" and \\ stay as they are\n", "|", ["quotes ' \" and \\ stay as they are"]],
];

describe("multi-line strings", () => {
  test.each(BLOCKS)("%j is a %s block", async (input, header, lines) => {
    expect(literalBlock(input, true)).toEqual({ header, lines });
    await expectReadBackEverywhere(input);
  });

  test("the exact text of a script", () => {
    expect(emitYaml({ jobs: { a: { steps: [{ run: "set -e\n  make\n\necho done\n" }] } } })).toBe(
      "jobs:\n  a:\n    steps:\n      - run: |\n          set -e\n            make\n\n          echo done\n",
    );
  });

  // [input, exact double-quoted form]
  const QUOTED: readonly [string, string][] = [
    ["a\r\nb", '"a\\r\\nb"'],
    ["trailing space \nx", '"trailing space \\nx"'],
    ["blank-only line\n  \nx", '"blank-only line\\n  \\nx"'],
    ["tab at end\t\nx", '"tab at end\\t\\nx"'],
    ["a\nb\x1b[0m", '"a\\nb\\e[0m"'],
    ["\n", '"\\n"'],
    ["\n\n", '"\\n\\n"'],
  ];
  test.each(QUOTED)("%j cannot be a literal block: %s", async (input, expected) => {
    expect(literalBlock(input, true)).toBeUndefined();
    expect(formatValue(input, true)).toBe(expected);
    await expectReadBackEverywhere(input);
  });

  test("several trailing newlines are double-quoted at the end of the document", () => {
    expect(literalBlock("x\n\n", false)).toBeUndefined();
    expect(formatValue("x\n\n", false)).toBe('"x\\n\\n"');
    expect(literalBlock("x\n", false)).toEqual({ header: "|", lines: ["x"] });
  });
});
