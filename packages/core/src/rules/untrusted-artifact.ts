// A workflow_run (or pull_request_target) workflow that downloads an artifact of another run gets files a
// fork's pull request could have written: its CI run made them. Unpacked into the workspace they can
// replace the scripts and tools the later steps run, with this workflow's secrets and write token; run or
// extracted, they are code. Reading them as data (jq on a JSON file in a temporary folder) is the safe way.
import { defineRule, type StepView } from "./types.ts";
import { scalarText, triggerAmong, usesAction } from "./util.ts";

/** How a step fetches another run's artifact, and where it puts it (undefined: the workspace). */
interface Download {
  what: string;
  into?: string;
  /** github-script: where the zip lands is the script's business; only extraction afterwards is reported. */
  zipOnly?: boolean;
}

function download(step: StepView): Download | undefined {
  if (usesAction(step, "actions/download-artifact") && step.with["run-id"] !== undefined) {
    return { what: "actions/download-artifact with run-id", ...optionalInto(scalarText(step.with.path)) };
  }
  if (usesAction(step, "dawidd6/action-download-artifact")) {
    return { what: "dawidd6/action-download-artifact", ...optionalInto(scalarText(step.with.path)) };
  }
  if (step.run !== undefined) {
    const gh = /\bgh\s+run\s+download\b[^\n]*/.exec(step.run);
    if (gh) return { what: "gh run download", ...optionalInto(/(?:-D|--dir)[\s=]+(\S+)/.exec(gh[0])?.[1]) };
  }
  if (usesAction(step, "actions/github-script") && /\bdownloadArtifact\s*\(/.test(scalarText(step.with.script) ?? "")) {
    return { what: "a github-script calling downloadArtifact", zipOnly: true };
  }
  return undefined;
}

// Only an absolute path or the runner's temporary folder is outside the workspace.
function optionalInto(path: string | undefined): { into?: string } {
  const trimmed = path?.trim().replace(/^["']|["']$/g, "");
  if (trimmed === undefined) return {};
  const outside = /^(?:\/|~|\$\{\{\s*runner\.temp|\$\{?RUNNER_TEMP)/.test(trimmed) && !/github\.workspace|GITHUB_WORKSPACE/.test(trimmed);
  return outside ? { into: trimmed } : {};
}

const EXTRACT = /\b(?:unzip|tar\s+(?:-\w*x|x)|7z\s+x|gunzip)\b/;
const EXECUTE = /(?:^|[\s;&|(])(?:source|\.|bash|sh|python3?|node|chmod\s+\+x)\s+\S/;

export const untrustedArtifact = defineRule({
  id: "untrusted-artifact",
  severity: "error",
  confidence: "medium",
  summary: "A workflow_run or pull_request_target workflow unpacks another run's artifact into the workspace, or runs or extracts it.",
  fix: "Download the artifact to ${{ runner.temp }}, read it only as data (jq, cat), and never run, source or unzip it into the workspace.",
  visits: ["job"],
  check(context) {
    const { job, workflow } = context;
    const trigger = triggerAmong(workflow, ["workflow_run", "pull_request_target"]);
    if (trigger === undefined) return;
    job.steps.forEach((step, i) => {
      const fetched = download(step);
      if (!fetched) return;
      const later = job.steps.slice(i + 1);
      const origin = `another run's artifact (in a workflow run by ${trigger}, a fork's pull request can have made it)`;
      if (fetched.zipOnly || fetched.into !== undefined) {
        const user = later.find((s) => s.run !== undefined && (EXTRACT.test(s.run) || (fetched.into !== undefined && s.run.includes(fetched.into) && EXECUTE.test(s.run))));
        if (!user) return;
        const extracts = EXTRACT.test(user.run!);
        context.report({
          path: [...user.path, "run"],
          needle: (extracts ? EXTRACT : EXECUTE).exec(user.run!)![0].trim(),
          message: `step ${user.label} ${extracts ? "extracts" : "runs"} ${origin}, fetched by step ${step.label} with ${fetched.what}; its files can then replace or be the code this job runs with the repository's secrets`,
          fix: "treat the artifact as data: extract it into ${{ runner.temp }}, read only the values you need (jq, cat) and validate them, and never run or source anything from it",
        });
        return;
      }
      const runner = later.find((s) => s.run !== undefined || s.uses?.kind === "local");
      if (!runner) return;
      context.report({
        path: step.path,
        message: `step ${step.label} unpacks ${origin} into the workspace with ${fetched.what}, and step ${runner.label} runs code from the workspace afterwards; the artifact's files can replace that code and run with the repository's secrets`,
        fix: "download it to a folder outside the workspace (path: ${{ runner.temp }}/artifact) and read it only as data there",
      });
    });
  },
});
