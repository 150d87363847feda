// Each preset page shows the YAML the preset generates; it must be the committed example output, so the
// page cannot fall behind the preset.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { PRESET_PAGES } from "../scripts/generators.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pages = PRESET_PAGES;

for (const [page, files] of Object.entries(pages)) {
  test(`docs/presets/${page} shows the generated YAML`, () => {
    const text = readFileSync(`${root}docs/presets/${page}`, "utf8");
    const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toEqual(files.map((file) => readFileSync(`${root}${file}`, "utf8")));
  });
}
