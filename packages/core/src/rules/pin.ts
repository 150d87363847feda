/**
 * The version comment of a pinned `uses:` (`owner/repo@<sha> # v1.2.3`), read from the raw line: the model
 * drops comments, and what Dependabot and Renovate accept depends on the exact characters around the `#`.
 */
import type { ModelPath, SourceComment, YamlSource } from "../source/yaml.ts";
import type { JobContext, StepContext, UsesRef } from "./types.ts";
import { isCommitSha } from "./util.ts";

export interface PinComment {
  /** The trailing comment on the line where the `uses:` value ends, if any. */
  comment?: SourceComment;
  /** The text between the end of the value and the `#`. */
  between: string;
  /** The line and column where the value ends (exclusive). */
  line: number;
  column: number;
}

/** The trailing comment after the value at `path`, or undefined when the path is not in the source. */
export function pinComment(source: YamlSource, path: ModelPath): PinComment | undefined {
  const end = source.valueEnd(path);
  if (end === undefined) return undefined;
  const comment = source.comments.find((c) => c.line === end.line && c.column >= end.column);
  const text = source.lines[end.line - 1] ?? "";
  const between = comment ? text.slice(end.column - 1, comment.column - 1) : text.slice(end.column - 1);
  return { ...(comment ? { comment } : {}), between, line: end.line, column: end.column };
}

/** An exact release tag: `v1.2.3` (the `v` is optional, as some repositories tag without it). */
export const EXACT_TAG = /^v?\d+\.\d+\.\d+$/;

/** A version named anywhere in a comment (`v4`, `v4.2`, `4.2.2`), for suggestions and metadata lookups. */
export function versionIn(text: string): string | undefined {
  return /\bv?\d+(?:\.\d+){0,2}\b/.exec(text)?.[0];
}

/** The tag a SHA-pinned `uses:` names in its comment, when the comment names one. */
export function commentTag(source: YamlSource | undefined, path: ModelPath): string | undefined {
  if (!source) return undefined;
  const found = pinComment(source, path);
  if (!found?.comment) return undefined;
  const text = found.comment.text.trim().replace(/^(?:tag|version|ver|pin@)\s*[:=]?\s*/i, "");
  return versionIn(text);
}

/**
 * The `uses:` of a job (reusable workflow) or step when it is pinned to a commit SHA, with its path and what
 * follows it on the line; undefined for anything not SHA-pinned. The version-comment rules start here.
 */
export function shaPin(
  context: JobContext | StepContext,
): { uses: UsesRef & { ref: string }; path: ModelPath; found: PinComment } | undefined {
  const [uses, path]: [UsesRef | undefined, ModelPath] =
    context.level === "step" ? [context.step.uses, [...context.step.path, "uses"]] : [context.job.uses, [...context.job.path, "uses"]];
  if (!uses || (uses.kind !== "action" && uses.kind !== "reusable") || uses.ref === undefined || !isCommitSha(uses.ref)) return undefined;
  const found = pinComment(context.source!, path);
  return found && { uses: uses as UsesRef & { ref: string }, path, found };
}
