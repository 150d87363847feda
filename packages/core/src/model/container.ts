// The Docker containers of a job: the one its steps run in (`container:`) and its service containers
// (`services:`), which alone may override the image's command and entrypoint. Expressions may stand for any
// part, or for the whole of `services:`; GitHub checks what it can only once they are evaluated (an image
// is required, but a container with an expression anywhere in it is checked when the job runs), so the
// image is checked by validate/ rather than here.

import { z } from "zod";
import { EnvSchema } from "./env.ts";
import { orExpression } from "./expression.ts";
import { expectedMessage } from "./messages.ts";
import { strictObject } from "./object.ts";
import { NonEmptyTextSchema, TextSchema } from "./text.ts";

// Numbers are kept as written (`ports: [8080]`); GitHub reads them as strings.
const PORT = z.union([z.number(), NonEmptyTextSchema], { error: (issue) => expectedMessage(issue.input, "a port number or mapping") });

const containerShape = {
  image: NonEmptyTextSchema.optional(),
  credentials: orExpression(
    strictObject({ username: NonEmptyTextSchema.optional(), password: NonEmptyTextSchema.optional() }, "credentials"),
    "a mapping with username and password",
  ).optional(),
  env: EnvSchema.optional(),
  ports: orExpression(z.array(PORT), "a list of ports").optional(),
  volumes: orExpression(z.array(NonEmptyTextSchema), "a list of volumes").optional(),
  options: TextSchema.optional(),
};

/** The mapping form of `container:`. */
export const ContainerObjectSchema = strictObject(containerShape, "a container");

/**
 * `container:` of a job: an image name, or the mapping form. An empty name (or an empty `container:`) is
 * no container, as GitHub reads it.
 */
export const ContainerSchema = z.union([TextSchema, ContainerObjectSchema], {
  error: (issue) => expectedMessage(issue.input, "an image name or a mapping with image"),
});

/** `container:` of a job. */
export type Container = z.infer<typeof ContainerSchema>;

/** One service container: a container that may also override the image's command and entrypoint. */
export const ServiceContainerObjectSchema = strictObject(
  { ...containerShape, command: TextSchema.optional(), entrypoint: TextSchema.optional() },
  "a service container",
);

/** One service container: an image name, or the mapping form. */
export const ServiceContainerSchema = z.union([NonEmptyTextSchema, ServiceContainerObjectSchema], {
  error: (issue) => expectedMessage(issue.input, "an image name or a mapping with image"),
});

/** One service container. */
export type ServiceContainer = z.infer<typeof ServiceContainerSchema>;

/** `services:` of a job: service name to container, or one expression yielding the mapping. */
export const ServicesSchema = orExpression(z.record(z.string().min(1), ServiceContainerSchema), "a mapping of service names to containers");
