// Using private packages from GitHub Packages with nothing but GITHUB_TOKEN and `packages: read`:
// npm packages of the @acme scope from npm.pkg.github.com, and a job that runs inside a private image.
// Each package must grant this repository read access ("Manage Actions access" in its settings).
import { ghcrInstall } from "wfgen/presets";

export const install = ghcrInstall({
  kind: "npm",
  scope: "@acme",
  steps: [{ name: "Test", run: "npm test" }],
});

// The image is pinned to the digest recorded in wfgen.lock.json (`images`), like the actions to their SHAs.
export const tools = ghcrInstall({
  file: "ghcr-tools",
  name: "Run in a private image",
  kind: "container",
  image: "ghcr.io/acme/build-tools:1.4",
  steps: [{ name: "Show the tools", run: "build-tools --version" }],
});
