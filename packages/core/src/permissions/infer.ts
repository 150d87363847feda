/**
 * Inference for one job: read each step's effects (the knowledge table for `uses:` steps, the command
 * classifier for `run:` steps), then settle what depends on the whole job (a registry login needs write only
 * if something pushes with it), and take the union: the highest level of each scope, in documentation order.
 * Works on the plain model, so YAML that wfgen did not generate can be analysed the same way.
 */
import type { PermissionScope } from "../facts/index.ts";
import type { PermissionsMap } from "../model/index.ts";
import { knowledgeOf, type ActionUse } from "./knowledge.ts";
import type { Effect, StepNeed } from "./needs.ts";
import { scriptEffects } from "./run-commands.ts";
import { acceptsLevel, higher, isScope, toPermissionsMap, type NeedLevel } from "./scopes.ts";
import { envOf, mentionsToken, resolveEnv, tokenVariables, type EnvMap } from "./token.ts";

/** What the DSL knows about a step beyond the model: its label, and the needs its author declared. */
export interface StepSource {
  /** How messages name the step: `"Push image"` or `#2`. */
  label?: string;
  /** Needs declared with `step(input, { permissions })`; they replace what wfgen would infer. */
  declared?: PermissionsMap;
}

/** A step whose needs cannot be known. */
export interface UnknownUse {
  step: number;
  label: string;
  what: string;
}

/** The needs of one job. */
export interface JobNeeds {
  /** Every need, with the step behind it; job-level needs (the job's container) have step -1. */
  needs: StepNeed[];
  /** Steps that get the token for purposes wfgen cannot read and that declared nothing. */
  unknown: UnknownUse[];
  /** The union: each needed scope at its highest level, in documentation order. */
  required: PermissionsMap;
}

type Model = Record<string, unknown>;

/** A step as analysed: a step of the job, or one inside a `parallel` group (which runs at the group's place). */
interface Entry {
  step: Model;
  /** Index of the job's step (the group's, for a step inside `parallel`). */
  index: number;
  label: string;
  effects: Effect[];
}

/** Analyse the steps of a normal job. `workflowEnv` is the workflow's `env`. */
export function inferJobNeeds(job: Model, workflowEnv: EnvMap, sources: readonly StepSource[] = []): JobNeeds {
  const jobEnv = layer(workflowEnv, job.env);
  const jobVariables = tokenVariables(jobEnv);
  const steps = (Array.isArray(job.steps) ? job.steps : []) as unknown[];
  const entries: Entry[] = [];
  steps.forEach((value, index) => {
    if (value === null || typeof value !== "object") return;
    const step = value as Model;
    const label = sources[index]?.label ?? modelLabel(step, index);
    if (!Array.isArray(step.parallel)) {
      entries.push({ step, index, label, effects: [] });
      return;
    }
    step.parallel.forEach((inner: unknown, position) => {
      if (inner === null || typeof inner !== "object") return;
      const nested = inner as Model;
      const own = typeof nested.id === "string" || typeof nested.name === "string" ? modelLabel(nested, position) : `#${position + 1}`;
      entries.push({ step: nested, index, label: `${label} › ${own}`, effects: [] });
    });
  });

  // First pass, in order: what each step does with the token, given what earlier steps left behind.
  let gitCredentials = false;
  let githubNpmRegistry = false;
  for (const entry of entries) {
    const { step } = entry;
    const env = layer(jobEnv, step.env);
    const variables = env === jobEnv ? jobVariables : tokenVariables(env);
    if (typeof step.uses === "string") {
      const use = actionUse(step.with, env);
      const known = knowledgeOf(step.uses);
      if (known) {
        const own = known.tokenInput !== undefined && use.input(known.tokenInput) !== undefined && !use.token(known.tokenInput);
        // Given another token, the action spends that one: only what is not the GITHUB_TOKEN remains.
        entry.effects = own ? known.effects(use).filter(keptWithOwnToken) : known.effects(use);
        if (known.leavesGitCredentials !== undefined) {
          // A checkout replaces the credentials of the repository it checks out: its own token, or none
          // (persist-credentials: false). One into another folder (`path`) leaves the workspace's as they are.
          const leaves = !own && known.leavesGitCredentials(use);
          if (leaves || use.input("path") === undefined) gitCredentials = leaves;
        }
      } else if (mentionsToken(JSON.stringify(step.with ?? {})) || tokenVariables(envOf(step.env)).size > 0) {
        entry.effects = [{ kind: "unknown", what: `passes GITHUB_TOKEN to ${step.uses}, which wfgen has no knowledge of` }];
      }
      if (/npm\.pkg\.github\.com/.test(use.input("registry-url") ?? "")) githubNpmRegistry = true;
    } else if (typeof step.run === "string") {
      const script = step.run;
      const ownVariables = [...variables].filter((name) => Object.hasOwn(envOf(step.env), name));
      entry.effects = scriptEffects(script, {
        env,
        tokenVariables: variables,
        getsToken: variables.size > 0 || mentionsToken(script),
        givenToStep: ownVariables.length > 0 || mentionsToken(script),
        gitCredentials,
        githubNpmRegistry,
      });
      if (script.includes("npm.pkg.github.com")) githubNpmRegistry = true;
      if (entry.effects.some((e) => e.kind === "git-credentials")) gitCredentials = true;
    }
  }

  // Second pass: settle what depends on the whole job (a login's level depends on the pushes after it).
  const needs: StepNeed[] = [...containerNeeds(job, jobEnv)];
  const unknown: UnknownUse[] = [];
  const logins = entries.flatMap((e) => e.effects.filter((x) => x.kind === "registry-login").map((x) => ({ index: e.index, registry: x.registry })));
  const pushes = entries.filter((e) => e.effects.some((x) => x.kind === "image-push"));
  const declaredDone = new Set<number>();

  for (const entry of entries) {
    const { index, label } = entry;
    const declared = sources[index]?.declared;
    if (declared !== undefined) {
      // A declaration covers the whole step (a parallel group as a whole), once.
      if (declaredDone.has(index)) continue;
      declaredDone.add(index);
      for (const [scope, level] of Object.entries(declared)) {
        if (!isScope(scope) || (level !== "read" && level !== "write")) continue;
        needs.push({ scope, level, reason: "declared on the step", step: index, label: sources[index]?.label ?? label, declared: true });
      }
      continue;
    }
    for (const effect of entry.effects) {
      switch (effect.kind) {
        case "need":
          needs.push({ ...effect.need, step: index, label });
          break;
        case "registry-login": {
          const push = pushes.find((p) => p.index >= index);
          if (push === undefined) {
            needs.push({ scope: "packages", level: "read", reason: `logs in to ${effect.registry} with GITHUB_TOKEN; no step of the job pushes, so reading is enough`, step: index, label });
          } else if (push === entry) {
            needs.push({ scope: "packages", level: "write", reason: `logs in to ${effect.registry} with GITHUB_TOKEN and pushes`, step: index, label });
          } else {
            needs.push({ scope: "packages", level: "write", reason: `logs in to ${effect.registry} with GITHUB_TOKEN for the push of step ${push.label}`, step: index, label, via: push.index });
          }
          break;
        }
        case "image-push":
        case "image-pull": {
          const login = [...logins].reverse().find((l) => l.index <= index);
          if (login === undefined) break;
          const pushing = effect.kind === "image-push";
          const action = `${pushing ? "pushes" : "pulls"}${effect.what ? ` ${effect.what}` : ""} ${pushing ? "to" : "from"} ${login.registry} with GITHUB_TOKEN`;
          needs.push({
            scope: "packages",
            level: pushing ? "write" : "read",
            reason: effect.command ? `runs \`${effect.command}\`, which ${action}` : action,
            step: index,
            label,
          });
          break;
        }
        case "unknown":
          unknown.push({ step: index, label, what: effect.what });
          break;
      }
    }
  }
  return { needs, unknown, required: unionOf(needs) };
}

/** The union of needs: each scope at the highest level any need asks, in documentation order. */
export function unionOf(needs: readonly { scope: PermissionScope; level: NeedLevel }[]): PermissionsMap {
  const levels = new Map<PermissionScope, NeedLevel>();
  for (const n of needs) if (acceptsLevel(n.scope, n.level)) levels.set(n.scope, higher(levels.get(n.scope) ?? "read", n.level));
  return toPermissionsMap(levels);
}

/** A job's container and services pulled from ghcr.io with the GITHUB_TOKEN as password. */
function containerNeeds(job: Model, env: EnvMap): StepNeed[] {
  const out: StepNeed[] = [];
  const check = (value: unknown, label: string): void => {
    if (value === null || typeof value !== "object") return;
    const credentials = (value as Model).credentials as Model | undefined;
    if (credentials && typeof credentials.password === "string" && mentionsToken(resolveEnv(credentials.password, env))) {
      out.push({ scope: "packages", level: "read", reason: "pulls the image from ghcr.io with GITHUB_TOKEN", step: -1, label });
    }
  };
  check(job.container, "the job's container");
  if (job.services && typeof job.services === "object") {
    for (const [name, service] of Object.entries(job.services as Model)) check(service, `service "${name}"`);
  }
  return out;
}

/** Effects that survive when an action is given a token other than the GITHUB_TOKEN. */
function keptWithOwnToken(effect: Effect): boolean {
  if (effect.kind === "need") return effect.need.scope === "id-token";
  return effect.kind !== "unknown";
}

function actionUse(inputs: unknown, env: EnvMap): ActionUse {
  const values = (inputs !== null && typeof inputs === "object" ? inputs : {}) as Model;
  const input = (name: string): string | undefined => {
    const value = values[name];
    return value === undefined || value === null ? undefined : resolveEnv(String(value), env);
  };
  return {
    input,
    token: (name) => mentionsToken(input(name) ?? ""),
    on: (name) => {
      const value = input(name);
      return value !== undefined && (value.trim().toLowerCase() === "true" || value.includes("${{"));
    },
  };
}

/** `env` of one level over the one above it, each value resolved against what is visible there. */
function layer(outer: EnvMap, env: unknown): EnvMap {
  const own = envOf(env);
  // No variables of its own: the level above, as it is (its token variables are known already).
  if (Object.keys(own).length === 0) return outer;
  const out: Record<string, string> = { ...outer };
  for (const name of Object.keys(own)) out[name] = resolveEnv(own[name]!, outer);
  return out;
}

/** The step's id, else its name, else its position: the same label the DSL's diagnostics use. */
export function modelLabel(step: Model, index: number): string {
  if (typeof step.id === "string") return `"${step.id}"`;
  if (typeof step.name === "string") return `"${step.name}"`;
  return `#${index + 1}`;
}
