import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { checkWithGitHubParser, renderWorkflows } from "../src/index.ts";
import { readFixture } from "../../../test/fixtures.ts";
import { demoPush } from "./seed/demo-push.ts";
import { deployImage } from "./seed/deploy-image.ts";

// Semantic equality, with one documented normalisation: white space inside `${{ }}` is not significant
// (the seed writes `${{ env.IMAGE_NAME}}`, wfgen writes `${{ env.IMAGE_NAME }}`). One documented addition:
// wfgen writes `permissions: {}` at the workflow level, so that each job gets only its own block.
function normalise(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, "${{ $1 }}");
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

describe("the seed workflows, reproduced from TypeScript", () => {
  for (const [file, definition, exportName] of [
    ["deploy-image.yml", deployImage, "deployImage"],
    ["demo-push.yml", demoPush, "demoPush"],
  ] as const) {
    test(file, () => {
      const result = renderWorkflows([{ exportName, value: definition }], { source: "workflows.ts" });
      // No diagnostics at all: the seed's explicit job blocks verify cleanly (nothing missing, nothing excessive).
      expect(result.diagnostics).toEqual([]);
      expect(result.files.map((f) => f.path)).toEqual([file]);
      const emitted = result.files[0]!.content;
      const { permissions, ...rest } = parse(emitted) as Record<string, unknown>;
      expect(permissions).toEqual({});
      expect(normalise(rest)).toEqual(normalise(parse(readFixture(`seed/${file}`))));
      expect(checkWithGitHubParser(file, emitted)).toEqual([]);
    });
  }
});
