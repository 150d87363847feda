import { describe, expect, test } from "vitest";
import { splitCommands } from "./shell.ts";

const words = (script: string) => splitCommands(script).map((c) => c.words);

describe("splitCommands", () => {
  test("cuts at newlines, ;, &&, ||, pipes and command substitutions, and removes quotes", () => {
    expect(words(`echo "a b" | docker login ghcr.io -u 'me' --password-stdin\nX=$(echo $Y | tr a b) && git push`)).toEqual([
      ["echo", "a b"],
      ["docker", "login", "ghcr.io", "-u", "me", "--password-stdin"],
      ["X="],
      ["echo", "$Y"],
      ["tr", "a", "b"],
      ["git", "push"],
    ]);
  });

  test("keeps ${...} and ${{ }} in one word, redirections in the command, and skips comments", () => {
    expect(words("gh api repos/${{ github.repository }}/releases 2>&1 # gh release create\ncurl -H \"Authorization: Bearer ${GH_TOKEN}\" x")).toEqual([
      ["gh", "api", "repos/${{ github.repository }}/releases", "2>&1"],
      ["curl", "-H", "Authorization: Bearer ${GH_TOKEN}", "x"],
    ]);
  });

  test("skips here-document bodies and joins continued lines", () => {
    expect(words("cat <<EOF > notes.md\ngit push\ngh release create\nEOF\ngh release create v1 \\\n  --notes-file notes.md")).toEqual([
      ["cat", ">", "notes.md"],
      ["gh", "release", "create", "v1", "--notes-file", "notes.md"],
    ]);
  });
});
