// The Docker containers of a job: the one its steps run in (`container:`) and its service containers
// (`services:`), which alone may override the image's command and entrypoint.

import { z } from "zod";
import { EnvSchema } from "./env.ts";
import { expectedMessage } from "./messages.ts";
import { strictObject } from "./object.ts";

const containerShape = {
  image: z.string().min(1),
  credentials: strictObject(
    { username: z.string().optional(), password: z.string().optional() },
    "credentials",
  ).optional(),
  env: EnvSchema.optional(),
  ports: z
    .array(
      z.union([z.number(), z.string()], { error: (issue) => expectedMessage(issue.input, "a port number or mapping") }),
    )
    .min(1)
    .optional(),
  volumes: z.array(z.string()).min(1).optional(),
  options: z.string().optional(),
};

/** The mapping form of `container:`. */
export const ContainerObjectSchema = strictObject(containerShape, "a container");

/** `container:` of a job: an image name, or the mapping form. */
export const ContainerSchema = z.union([z.string().min(1), ContainerObjectSchema], {
  error: (issue) => expectedMessage(issue.input, "an image name or a mapping with image"),
});

/** `container:` of a job. */
export type Container = z.infer<typeof ContainerSchema>;

/** One service container: a container that may also override the image's command and entrypoint. */
export const ServiceContainerSchema = strictObject(
  { ...containerShape, command: z.string().optional(), entrypoint: z.string().optional() },
  "a service container",
);

/** One service container. */
export type ServiceContainer = z.infer<typeof ServiceContainerSchema>;
