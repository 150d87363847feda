/**
 * `wfgen`: the one package users install. It re-exports the DSL so that workflows.ts imports from
 * "wfgen", and types `wfgen.config.ts`.
 */
export * from "@wfgen/core";
export {
  defineConfig,
  type LintConfig,
  type LintRuleSetting,
  type LintSuppression,
  type ProjectConfig,
  type WfgenConfig,
} from "./config.ts";
