/**
 * Every place in a workflow model where a pin can go: a step's `uses`, a reusable-workflow job's `uses`,
 * a job's `container` (string or `image`) and each service's `image`. Pinning and `wfgen pin` walk the
 * same list, so they cannot disagree about what needs a lock entry.
 */
import type { Location } from "../diagnostics.ts";

/** A model path, as the emitter tracks it: keys and sequence indexes from the top of the workflow. */
export type ModelPath = ReadonlyArray<string | number>;

/** One place a pin can go. */
export interface PinSite {
  /** `uses` of a step or a job, or a container image. */
  kind: "uses" | "image";
  path: ModelPath;
  /** The value as written in the model. */
  value: string;
  /** The workflow, job and step it belongs to, for messages. */
  where: Location;
}

/** Every pin site of one workflow model, in document order. */
export function pinSites(model: Record<string, unknown>, workflow: string): PinSite[] {
  const sites: PinSite[] = [];
  const jobs = model.jobs;
  if (!isObject(jobs)) return sites;
  for (const [id, job] of Object.entries(jobs)) {
    if (!isObject(job)) continue;
    const at = ["jobs", id];
    const where: Location = { workflow, job: id };
    if (typeof job.uses === "string") sites.push({ kind: "uses", path: [...at, "uses"], value: job.uses, where });
    const container = job.container;
    if (typeof container === "string")
      sites.push({ kind: "image", path: [...at, "container"], value: container, where });
    else if (isObject(container) && typeof container.image === "string")
      sites.push({ kind: "image", path: [...at, "container", "image"], value: container.image, where });
    if (isObject(job.services)) {
      for (const [name, service] of Object.entries(job.services)) {
        if (isObject(service) && typeof service.image === "string")
          sites.push({ kind: "image", path: [...at, "services", name, "image"], value: service.image, where });
      }
    }
    if (!Array.isArray(job.steps)) continue;
    job.steps.forEach((step: unknown, index) => {
      if (!isObject(step) || typeof step.uses !== "string") return;
      sites.push({
        kind: "uses",
        path: [...at, "steps", index, "uses"],
        value: step.uses,
        where: { ...where, step: stepLabel(step, index) },
      });
    });
  }
  return sites;
}

/** How a step is named in messages, as the rest of wfgen names it: its id, else its name, else `#n`. */
function stepLabel(step: Record<string, unknown>, index: number): string {
  if (typeof step.id === "string") return `"${step.id}"`;
  if (typeof step.name === "string") return `"${step.name}"`;
  return `#${index + 1}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
