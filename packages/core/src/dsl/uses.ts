/**
 * `uses(ref, {...})`: a step for any action, typed or not. Remote actions (`owner/repo@ref`,
 * `owner/repo/path@ref`) are intents that the build pins to a commit SHA from the lockfile; `docker://`
 * images and local `./path` actions are written as given.
 */
import { captureCallSite } from "./callsite.ts";
import { makeStep, type StepDefinition, type StepInput, type UsesStepInput } from "./step.ts";

/** The step keys `uses()` takes besides the reference. */
export type UsesOptions = Omit<UsesStepInput, "uses" | "run">;

const REMOTE = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@\s]+)?@[^@\s]+$/;

/** A step that runs the action `ref`; `O` names its outputs when you want them typed. */
export function uses<O extends string = string>(ref: string, options: UsesOptions = {}): StepDefinition<O> {
  const site = captureCallSite();
  // A bad reference is reported by the build at this call, with every other problem of the workflow.
  const problem = refProblem(ref);
  if (problem) return makeStep<O>({ ...options, uses: ref } as StepInput, { problems: [{ code: "invalid-uses", key: ["uses"], ...problem }] }, site);
  const remote = !ref.startsWith("./") && !ref.startsWith("docker://");
  return makeStep<O>({ ...options, uses: ref } as StepInput, remote ? { action: ref } : {}, site);
}

function refProblem(ref: string): { message: string; fix: string } | undefined {
  if (ref.startsWith("./") || ref.startsWith("docker://")) return undefined;
  if (/\/\.github\/workflows\/[^/]+\.ya?ml@/.test(ref) || /^\.\/\.github\/workflows\//.test(ref)) {
    return {
      message: `uses("${ref}") names a reusable workflow, which runs as a job, not as a step`,
      fix: `call it from a job: job({ uses: "${ref}", with: {...}, secrets: {...} })`,
    };
  }
  if (!REMOTE.test(ref)) {
    return {
      message: `uses("${ref}") is not an action reference`,
      fix: 'write "owner/repo@ref", "owner/repo/path@ref", "docker://image:tag" or "./local/path"',
    };
  }
  return undefined;
}
