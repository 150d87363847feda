/**
 * `wfgen/presets`: ready workflows for GitHub Packages (re-exported from @wfgen/presets, so users install
 * only `wfgen`).
 */
export * from "@wfgen/presets";
