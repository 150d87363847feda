// Delete old versions of the `app` container image every week: keep the newest 20, and never delete a
// version that still has a tag. GitHub lets the workflow delete versions only when this repository has
// the admin role on the package (a repository that published the package has it).
import { packageCleanup } from "wfgen/presets";

export const cleanup = packageCleanup({ package: "app", keep: 20 });
