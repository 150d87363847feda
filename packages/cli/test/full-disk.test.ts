/**
 * All or nothing when the disk says no: a write, rename or delete fails (ENOSPC, EIO, EACCES, injected into
 * node:fs for the files under the test's repository) and the command leaves every file as it was, says so,
 * and exits 2; when a file cannot be restored, the message and --json name it.
 */
import * as realFs from "node:fs";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { read, repo, snapshot, wfgen, workflowsTs, write } from "./helpers.ts";
import { answering, GOOD_SHA } from "./hostile-api.ts";

type Call = "writeFileSync" | "renameSync" | "unlinkSync" | "linkSync";
interface Fault {
  call: Call;
  /** Fail from the n-th call (1-based) under `under` on; `times` calls in a row (default: all after). */
  from: number;
  times?: number;
  code: string;
  under: string;
  seen: number;
}
const state = vi.hoisted(() => ({ faults: [] as Fault[] }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const messages: Record<string, string> = {
    ENOSPC: "no space left on device",
    EIO: "i/o error",
    EACCES: "permission denied",
  };
  const wrap =
    <A extends unknown[], R>(call: Call, real: (...args: A) => R) =>
    (...args: A): R => {
      for (const fault of state.faults) {
        if (fault.call !== call || !String(args[0]).startsWith(fault.under)) continue;
        fault.seen++;
        if (fault.seen >= fault.from && (fault.times === undefined || fault.seen < fault.from + fault.times)) {
          throw Object.assign(new Error(`${fault.code}: ${messages[fault.code]}, ${call.replace("Sync", "")} '${String(args[0])}'`), {
            code: fault.code,
          });
        }
      }
      return real(...args);
    };
  const patched = {
    ...fs,
    writeFileSync: wrap("writeFileSync", fs.writeFileSync),
    renameSync: wrap("renameSync", fs.renameSync),
    unlinkSync: wrap("unlinkSync", fs.unlinkSync),
    linkSync: wrap("linkSync", fs.linkSync),
  };
  return { ...patched, default: patched };
});

beforeEach(() => {
  state.faults = [];
});

/** Make `call` fail with `code` for paths under `under`, from its n-th call on (`times` in a row). */
function inject(call: Call, under: string, from: number, code: string, times?: number): void {
  state.faults.push({ call, under, from, code, times, seen: 0 });
}

const names = Array.from({ length: 200 }, (_, i) => `w${String(i).padStart(3, "0")}`);

/** No temporary or aside file of wfgen anywhere under `dir`. */
function noTemporaryFiles(dir: string): void {
  const all = realFs.readdirSync(dir, { recursive: true }) as string[];
  expect(all.filter((f) => /\.wfgen-\d+-[0-9a-f]{8}\.tmp$/.test(f))).toEqual([]);
}

describe("a full disk", () => {
  test("the 6th of 200 new files fails: none of the 200 is left, the folder neither, exit 2", async () => {
    const dir = repo({ "workflows.ts": workflowsTs(...names) });
    for (const json of [false, true]) {
      inject("writeFileSync", join(dir, ".github"), 6, "ENOSPC");
      const result = await wfgen(dir, ["build", ...(json ? ["--json"] : [])]);
      expect(result.code).toBe(2);
      if (json) {
        expect(JSON.parse(result.stdout).error).toEqual({
          code: "write-failed",
          message: "cannot write .github/workflows/w005.yml: ENOSPC: no space left on device; nothing was changed.",
          changed: [],
        });
      } else {
        expect(result.stderr).toBe(
          "error: cannot write .github/workflows/w005.yml: ENOSPC: no space left on device; nothing was changed.\n",
        );
      }
      expect(existsSync(join(dir, ".github"))).toBe(false);
      state.faults = [];
    }
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    expect(readdirSync(join(dir, ".github/workflows"))).toHaveLength(200);
  });

  test("over 200 existing files, every old byte survives", async () => {
    const dir = repo({ "workflows.ts": workflowsTs(...names) });
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    write(dir, { "workflows.ts": workflowsTs(...names).replaceAll("npm test", "npm run test:ci") });
    const before = snapshot(dir);
    inject("writeFileSync", join(dir, ".github"), 150, "ENOSPC");
    const result = await wfgen(dir, ["build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nothing was changed.");
    expect(snapshot(dir)).toEqual(before);
    noTemporaryFiles(dir);
  });

  test("a rename that fails halfway: the renames made are undone", async () => {
    const dir = repo({ "workflows.ts": workflowsTs("a", "b", "c", "d", "e") });
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    write(dir, { "workflows.ts": workflowsTs("a", "b", "c", "d", "e", "f").replaceAll("npm test", "make") });
    const before = snapshot(dir);
    inject("renameSync", join(dir, ".github"), 4, "EIO", 1);
    const result = await wfgen(dir, ["build", "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toEqual({
      code: "write-failed",
      message: "cannot write .github/workflows/d.yml: EIO: i/o error; nothing was changed.",
      changed: [],
    });
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, ".github/workflows/f.yml"))).toBe(false);
    noTemporaryFiles(dir);
  });

  test("when an undo fails too, the files that changed are named, in text and --json", async () => {
    const dir = repo({ "workflows.ts": workflowsTs("a", "b", "c") });
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    write(dir, { "workflows.ts": workflowsTs("a", "b", "c").replaceAll("npm test", "make") });
    // The 3rd rename fails, and so does the first undo (the 4th rename: b's old bytes back).
    inject("renameSync", join(dir, ".github"), 3, "EIO", 2);
    const result = await wfgen(dir, ["build", "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toEqual({
      code: "write-failed",
      message:
        "cannot write .github/workflows/c.yml: EIO: i/o error; these files were changed and could not be restored: .github/workflows/b.yml.",
      changed: [".github/workflows/b.yml"],
    });
    expect(read(dir, ".github/workflows/a.yml")).toContain("npm test");
    expect(read(dir, ".github/workflows/b.yml")).toContain("make");
  });
});

describe("a read-only folder", () => {
  test("build --prune cannot delete the orphan: exit 2, nothing changed, no stack trace", async () => {
    const dir = repo({ "workflows.ts": workflowsTs("ci", "old") });
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    write(dir, { "workflows.ts": workflowsTs("ci").replace("npm test", "make") });
    const before = snapshot(dir);
    for (const call of ["renameSync", "unlinkSync", "writeFileSync", "linkSync"] as const)
      inject(call, join(dir, ".github/workflows"), 1, "EACCES");
    const result = await wfgen(dir, ["build", "--prune"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: cannot write .github/workflows/ci.yml: EACCES: permission denied; nothing was changed.\n",
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test("only the delete fails: the file written before it is put back", async () => {
    const dir = repo({ "workflows.ts": workflowsTs("ci", "old") });
    expect((await wfgen(dir, ["build", "--quiet"])).code).toBe(0);
    write(dir, { "workflows.ts": workflowsTs("ci").replace("npm test", "make") });
    const before = snapshot(dir);
    inject("renameSync", join(dir, ".github/workflows/old.yml"), 1, "EACCES");
    inject("unlinkSync", join(dir, ".github/workflows/old.yml"), 1, "EACCES");
    const result = await wfgen(dir, ["build", "--prune", "--json"]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toMatchObject({
      message: "cannot delete .github/workflows/old.yml: EACCES: permission denied; nothing was changed.",
      changed: [],
    });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("the other writers are all or nothing too", () => {
  test("pin: the lock cannot be written; it stays as it was", async () => {
    const dir = repo({
      "workflows.ts": 'import { job, workflow } from "wfgen";\nexport const ci = workflow("ci", { on: "push", jobs: { a: job({ "runs-on": "ubuntu-latest", steps: [{ uses: "actions/checkout@v4" }] }) } });\n',
      "wfgen.lock.json": '{ "version": 1, "actions": {} }\n',
    });
    inject("writeFileSync", dir, 1, "ENOSPC");
    const result = await wfgen(dir, ["pin", "--offline"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: cannot write wfgen.lock.json: ENOSPC: no space left on device; nothing was changed.\n");
    expect(read(dir, "wfgen.lock.json")).toBe('{ "version": 1, "actions": {} }\n');
    noTemporaryFiles(dir);
  });

  test("init: the second file fails, and the first is not left behind", async () => {
    const dir = repo({ "package.json": '{ "name": "x" }' });
    inject("writeFileSync", dir, 2, "ENOSPC");
    const result = await wfgen(dir, ["init"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: cannot write wfgen.lock.json: ENOSPC: no space left on device; nothing was changed.\n");
    expect(realFs.readdirSync(dir).sort()).toEqual(["package.json"]);
  });

  test("add: the binding and the lock entry are written together or not at all", async () => {
    const dir = repo({
      "workflows.ts": workflowsTs("ci"),
      "action.yml": "name: Greet\ndescription: x\ninputs:\n  who:\n    description: x\nruns:\n  using: node20\n  main: index.js\n",
    });
    const api = await answering("v1", GOOD_SHA);
    inject("writeFileSync", dir, 2, "ENOSPC");
    const result = await wfgen(dir, ["add", "acme/greet@v1", "--from", "action.yml"], { WFGEN_GITHUB_API_URL: api.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot write \S+: ENOSPC: no space left on device; nothing was changed\.\n$/);
    expect(realFs.readdirSync(dir).sort()).toEqual(["action.yml", "workflows.ts"]);
  });
});
