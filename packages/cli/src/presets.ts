/**
 * `wfgen/presets`: ready, pinned, least-privilege workflows for GitHub Packages (container publish with
 * attestation, GHCR install, package cleanup, drift check).
 */
export * from "@wfgen/presets";
