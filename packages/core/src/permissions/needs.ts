/**
 * The vocabulary of the engine. A step's effects are what it does with the token, read from the step alone;
 * some only become needs once the whole job is known (a registry login needs `packages: write` only if
 * something in the job pushes with it). Needs are what the job must grant, each with its reason.
 */
import type { PermissionScope } from "../facts/index.ts";
import type { NeedLevel } from "./scopes.ts";

/** One scope at one level, and why, in a line a user reads in `wfgen explain`. */
export interface Need {
  scope: PermissionScope;
  level: NeedLevel;
  reason: string;
}

/** What a step does with the token, as far as the step alone tells. */
export type Effect =
  /** A need that holds whatever the rest of the job does. */
  | { kind: "need"; need: Need }
  /** A login to GitHub's container registry with the GITHUB_TOKEN, which later pushes and pulls use. */
  | { kind: "registry-login"; registry: string }
  /** Pushes an image (or a signature) with the registry credentials the job logged in with. */
  | { kind: "image-push"; what?: string; command?: string }
  /** Pulls an image with the registry credentials the job logged in with. */
  | { kind: "image-pull"; what?: string; command?: string }
  /** Gets the token for a purpose wfgen cannot read; the user must declare the needs. */
  | { kind: "unknown"; what: string }
  /** Leaves the GITHUB_TOKEN in git's configuration, where the later steps' `git push` finds it. */
  | { kind: "git-credentials" };

/** A need of one step of a job. */
export interface StepNeed extends Need {
  /** 0-based index of the step in its job. */
  step: number;
  /** The step as messages name it: `"Push image"` (quoted id or name) or `#3`. */
  label: string;
  /**
   * Set when the level follows from another step (a login needs write because of the push at this index);
   * messages then name the step that causes the need rather than this one.
   */
  via?: number;
  /** True when the step declared its needs rather than wfgen inferring them. */
  declared?: boolean;
}

/** Shorthand for building needs in tables. */
export function need(scope: PermissionScope, level: NeedLevel, reason: string): Effect {
  return { kind: "need", need: { scope, level, reason } };
}
