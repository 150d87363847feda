/**
 * Checking a grant the user wrote against what the steps need. A missing scope or level is an error (the
 * job would fail at run time with a 403, or GitHub would refuse to start a nested job); a scope no step
 * needs is a warning (it works, but grants more than least privilege). Messages name the step behind each
 * need and its reason, and the fix.
 */
import type { Diagnostic, Location } from "../diagnostics.ts";
import type { PermissionLevel, PermissionScope } from "../facts/index.ts";
import type { Permissions } from "../model/index.ts";
import type { StepNeed } from "./needs.ts";
import { compareScopes, covers, grantedLevel, higher, SCOPES_IN_DOC_ORDER, showGrant, type NeedLevel } from "./scopes.ts";

/** A needed scope the grant lacks. */
export interface Shortfall {
  scope: PermissionScope;
  level: NeedLevel;
  granted: PermissionLevel;
  /** The needs that ask for `level`, the ones that cause it first. */
  because: StepNeed[];
}

/** A granted scope beyond what is needed: `needed` is undefined when nothing needs the scope at all. */
export interface Excess {
  scope: PermissionScope;
  granted: PermissionLevel;
  needed?: NeedLevel;
  because: StepNeed[];
}

/** The scopes `grant` gives at a lower level than `needs` ask, in documentation order. */
export function shortfalls(grant: Permissions, needs: readonly StepNeed[]): Shortfall[] {
  const out: Shortfall[] = [];
  for (const scope of SCOPES_IN_DOC_ORDER) {
    // The level first, without a list: a job's grant covers what its steps need, nearly always.
    let level: NeedLevel | undefined;
    for (const n of needs) if (n.scope === scope) level = higher(level ?? "read", n.level);
    if (level === undefined) continue;
    const granted = grantedLevel(grant, scope);
    if (covers(granted, level)) continue;
    const at = needs.filter((n) => n.scope === scope && n.level === level);
    out.push({ scope, level, granted, because: [...at.filter((n) => n.via === undefined), ...at.filter((n) => n.via !== undefined)] });
  }
  return out;
}

/** The scopes a map grant gives beyond what `needs` ask (shorthands are reported as a whole elsewhere). */
export function excesses(grant: Permissions, needs: readonly StepNeed[]): Excess[] {
  if (typeof grant === "string") return [];
  const out: Excess[] = [];
  for (const [scope, granted] of Object.entries(grant) as [PermissionScope, PermissionLevel][]) {
    if (granted === "none" || granted === undefined) continue;
    const mine = needs.filter((n) => n.scope === scope);
    if (mine.length === 0) {
      out.push({ scope, granted, because: [] });
      continue;
    }
    const needed = mine.reduce<NeedLevel>((max, n) => higher(max, n.level), "read");
    if (!covers(needed, granted)) out.push({ scope, granted, needed, because: mine });
  }
  return out.sort((a, b) => compareScopes(a.scope, b.scope));
}

/** How a reusable-workflow call is named in messages, when the job is one. */
export interface CallTarget {
  uses: string;
}

/** The error for one shortfall. */
export function shortfallDiagnostic(job: string, gap: Shortfall, where: Location, call?: CallTarget): Diagnostic {
  const wanted = showGrant(gap.scope, gap.level);
  const has = showGrant(gap.scope, gap.granted);
  const first = gap.because[0]!;
  // Steps whose level only follows from another step (a login, for a later push) are not named again.
  const others = gap.because.slice(1).filter((n) => n.via === undefined && n.label !== first.label);
  const also = others.length > 0 ? ` (so do ${[...new Set(others.map(stepName))].join(", ")})` : "";
  const grantor = `the job grants ${has}`;
  const message = call
    ? `job "${job}" calls ${call.uses}, whose ${first.label} requests ${wanted} (${first.reason}); ${grantor}, and GitHub would refuse to run it: ` +
      `nested job '${nestedJob(first.label)}' is requesting '${wanted}', but is only allowed '${has}'`
    : `job "${job}" › ${stepName(first)} needs ${wanted} (${first.reason})${also}; ${grantor}`;
  const fix = `grant ${wanted} on job "${job}", or set permissions: "infer"`;
  return { severity: "error", code: call ? "permissions-call-underprovisioned" : "missing-permission", message, fix, where };
}

/** The warning for one excess; `calls` is the reusable workflow a calling job runs. */
export function excessDiagnostic(job: string, extra: Excess, where: Location, calls?: string): Diagnostic {
  const subject = `job "${job}" grants`;
  const whose = calls ? `no job of ${calls}` : "no step";
  const verb = calls ? "requests" : "needs";
  const granted = showGrant(extra.scope, extra.granted);
  const owner = `job "${job}"`;
  if (extra.needed === undefined) {
    return {
      severity: "warning",
      code: "excessive-permission",
      message: `${subject} ${granted}, which ${whose} ${verb}`,
      fix: `remove ${extra.scope} from the permissions of ${owner}, or set permissions: "infer"`,
      where,
    };
  }
  const first = extra.because.find((n) => n.level === extra.needed) ?? extra.because[0]!;
  return {
    severity: "warning",
    code: "excessive-permission",
    message: `${subject} ${granted}, but ${calls ? `the jobs of ${calls} request` : "its steps need"} only ${showGrant(extra.scope, extra.needed)} (${stepName(first)}: ${first.reason})`,
    fix: `grant ${showGrant(extra.scope, extra.needed)} on ${owner}, or set permissions: "infer"`,
    where,
  };
}

/** The warning for `read-all`/`write-all` written as a job's block. */
export function blanketDiagnostic(job: string, grant: "read-all" | "write-all", required: Readonly<Record<string, string>>, where: Location): Diagnostic {
  const subject = `job "${job}" grants`;
  const needed = Object.entries(required).map(([scope, level]) => showGrant(scope, level));
  return {
    // As the lint rule: write-all turns any compromised step into a repository takeover.
    severity: grant === "write-all" ? "error" : "warning",
    code: "blanket-permissions",
    message: `${subject} ${grant}, every scope at once; ${needed.length > 0 ? `the steps need only ${needed.join(", ")}` : "no step needs any scope"}`,
    fix: `set permissions: "infer"; to keep ${grant} on purpose, write permissions: unchecked("${grant}")`,
    where,
  };
}

/** `step "Push image"`, or the job-level thing that needs it (`the job's container`). */
export function stepName(need: StepNeed): string {
  return need.step >= 0 ? `step ${need.label}` : need.label;
}

/** The nested job's id out of a call-need label (`job "build" of build.yml`). */
function nestedJob(label: string): string {
  return /job "([^"]+)"/.exec(label)?.[1] ?? label;
}
