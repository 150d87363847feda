/** Renderers of lint findings: pure functions from findings to strings or plain objects. */
export { countBySeverity, failsAt, mergeResults, ruleDescriptors, type ReportInput, type RuleDescriptor } from "./input.ts";
export { renderText, summaryLine, textReport, type RenderTextOptions, type TextFinding, type TextGroup } from "./text.ts";
export { jsonReport, renderJson, type JsonFinding, type JsonReport } from "./json.ts";
export { renderSarif, sarifReport, SARIF_SCHEMA, type SarifLog, type SarifOptions, type SarifResult, type SarifRule, type SarifRun } from "./sarif.ts";
export { escapeData, escapeProperty, githubAnnotations } from "./annotations.ts";
