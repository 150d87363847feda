// A registry tag (`node:20`, `:latest`) is as movable as a git tag; a digest names one exact image. Images
// chosen by an expression cannot be checked here.
import { defineRule, type ModelPath } from "./types.ts";
import { isObject } from "./util.ts";

const DIGEST = /@sha256:[0-9a-f]{64}$/;

export const unpinnedImage = defineRule({
  id: "unpinned-image",
  severity: "warning",
  confidence: "high",
  summary: "A container, service or docker:// image is referenced by tag instead of by digest.",
  fix: "Pin the image's digest: image:tag@sha256:<64-hex digest> (docker buildx imagetools inspect image:tag prints it).",
  visits: ["job", "step"],
  documents: ["workflow", "action"],
  check(context) {
    const images: Array<{ image: string; path: ModelPath; what: string }> = [];
    if (context.level === "step") {
      const uses = context.step.uses;
      if (uses?.kind === "docker") images.push({ image: uses.name, path: [...context.step.path, "uses"], what: "docker action image" });
    } else {
      const job = context.job.value;
      if (typeof job.container === "string") images.push({ image: job.container, path: [...context.job.path, "container"], what: "container image" });
      else if (isObject(job.container) && typeof job.container.image === "string") {
        images.push({ image: job.container.image, path: [...context.job.path, "container", "image"], what: "container image" });
      }
      if (isObject(job.services)) {
        for (const [name, service] of Object.entries(job.services)) {
          if (typeof service === "string") images.push({ image: service, path: [...context.job.path, "services", name], what: `service "${name}" image` });
          else if (isObject(service) && typeof service.image === "string") {
            images.push({ image: service.image, path: [...context.job.path, "services", name, "image"], what: `service "${name}" image` });
          }
        }
      }
    }
    for (const { image, path, what } of images) {
      // An empty image is no container (`container: ""`), or one invalid-workflow reports (`image: ""`).
      if (image === "" || image.includes("${{") || DIGEST.test(image)) continue;
      const lastPart = image.split("/").at(-1) ?? image;
      const tag = lastPart.includes(":") ? lastPart.slice(lastPart.indexOf(":") + 1) : undefined;
      const problem =
        tag === undefined
          ? "has no tag or digest, so it means whatever :latest is when the job runs"
          : tag === "latest"
            ? "uses :latest, which changes with every push to the registry"
            : `uses the tag "${tag}", which the registry can serve different content under`;
      context.report({
        path,
        message: `the ${what} "${image}" ${problem}`,
        fix: `pin its digest: ${tag === undefined ? `${image}:<tag>` : image}@sha256:<64-hex digest> (docker buildx imagetools inspect ${image} prints it)`,
      });
    }
  },
});
