import { readFileSync } from "node:fs";
import { describe, expect, test, vi } from "vitest";
import { commands, exitCodes } from "../src/options.ts";
import { repo, wfgen } from "./helpers.ts";

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
  .version;

describe("command line", () => {
  test("--version prints the package version", async () => {
    expect(await wfgen(".", ["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    expect((await wfgen(".", ["-v"])).stdout).toBe(`${version}\n`);
  });

  test("--help lists every command; <command> --help lists its flags and the exit codes", async () => {
    const main = await wfgen(".", ["--help"]);
    expect(main.code).toBe(0);
    for (const c of commands) expect(main.stdout).toContain(`  ${c.name}  `);
    expect((await wfgen(".", [])).stdout).toBe(main.stdout);
    for (const c of commands) {
      const help = await wfgen(".", [c.name, "--help"]);
      expect(help.code).toBe(0);
      const argument = c.argument ? ` \\[${c.argument.name.replace(/[[\]]/g, "\\$&")}\\]` : "";
      expect(help.stdout).toMatch(new RegExp(`^Usage: wfgen ${c.name}${argument} \\[options\\]\n`));
      for (const o of c.options) expect(help.stdout).toContain(`--${o.name}`);
      for (const e of exitCodes) expect(help.stdout).toContain(`  ${e.code}  ${e.meaning}`);
    }
  });

  test("flags may come before the command", async () => {
    const dir = repo({});
    expect((await wfgen(dir, ["--cwd", ".", "check"])).stderr).toContain("workflows.ts does not exist");
  });

  test("an unknown command, an unknown flag or a missing value: a clear message and exit 2", async () => {
    expect(await wfgen(".", ["buidl"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: unknown command "buidl". Commands: ${commands.map((c) => c.name).join(", ")}. Run \`wfgen --help\`.\n`,
    });
    expect(await wfgen(".", ["build", "--prnue"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: wfgen build: unknown option --prnue. Run `wfgen build --help` for the options.\n",
    });
    expect(await wfgen(".", ["check", "--prune"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown option --prune"),
    });
    expect(await wfgen(".", ["check", "extra"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unexpected argument "extra"'),
    });
    expect(await wfgen(".", ["build", "--cwd"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("wfgen build: Option '--cwd <value>' argument missing"),
    });
    expect(await wfgen(".", ["--bogus"])).toMatchObject({
      code: 2,
      stderr: "error: wfgen: unknown option --bogus. Run `wfgen --help` for the options.\n",
    });
  });

  test("a bad --cwd: exit 2; with --json, the error is JSON on stdout", async () => {
    const result = await wfgen(".", ["check", "--cwd", "does/not/exist", "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      version: 1,
      command: "check",
      ok: false,
      error: { code: "cwd-not-found" },
    });
  });

  test("a bug in wfgen: exit 3, saying so, with versions", async () => {
    vi.doMock("../src/commands/check.ts", () => ({
      check: () => {
        throw new TypeError("x is undefined");
      },
    }));
    const result = await wfgen(".", ["check"]);
    vi.doUnmock("../src/commands/check.ts");
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^wfgen: internal error: TypeError: x is undefined\n/);
    expect(result.stderr).toContain("This is a bug in wfgen, not in your workflows.");
    expect(result.stderr).toContain(`wfgen ${version}, Node ${process.version}`);
  });
});
