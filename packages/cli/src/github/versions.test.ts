import { describe, expect, test } from "vitest";
import { compareTags, isUnder, mostSpecificTag, newerMajorRef, targetTag } from "./versions.ts";

const tags = ["v6", "v6.0.0", "v6.1", "v6.1.0", "v6.1.1", "v7", "v7.0.0", "v7.3.0", "v7.3.1-beta", "v70.0.0", "main"];

describe("release tags", () => {
  test("a tag is under a ref when its numbers start with the ref's", () => {
    expect(isUnder("v7.3.0", "v7")).toBe(true);
    expect(isUnder("v7.3.0", "v7.3")).toBe(true);
    expect(isUnder("v70.0.0", "v7")).toBe(false);
    expect(isUnder("7.3.0", "v7")).toBe(false);
    expect(isUnder("v7.3.1-beta", "v7")).toBe(false);
  });

  test("newest first, the more specific first at equal numbers", () => {
    expect(["v6", "v7.0.0", "v6.1.1", "v7"].sort(compareTags)).toEqual(["v7.0.0", "v7", "v6.1.1", "v6"]);
  });

  test("the target is the tag itself, else the newest full release under it", () => {
    expect(targetTag("v7", tags)).toBe("v7");
    expect(targetTag("v7.3", tags)).toBe("v7.3.0");
    expect(targetTag("v6.1", tags)).toBe("v6.1");
    expect(targetTag("v8", tags)).toBeUndefined();
    expect(targetTag("main", tags)).toBe("main");
  });

  test("the comment is the most specific tag under the ref at the commit", () => {
    expect(mostSpecificTag("v7", "v7", ["v7", "v7.3.0", "v7.3"])).toBe("v7.3.0");
    expect(mostSpecificTag("v7", "v7", ["v7"])).toBe("v7");
    expect(mostSpecificTag("v6", "v6", ["v6", "v6.1.0", "v6.1.1"])).toBe("v6.1.1");
    // A tag of another line at the same commit is not a version of this intent.
    expect(mostSpecificTag("v6", "v6", ["v6", "v7.0.0"])).toBe("v6");
  });

  test("the newer major keeps the intent's precision", () => {
    expect(newerMajorRef("v6", tags)).toBe("v70");
    expect(
      newerMajorRef(
        "v6",
        tags.filter((t) => !t.startsWith("v70")),
      ),
    ).toBe("v7");
    expect(
      newerMajorRef(
        "v6.1.0",
        tags.filter((t) => !t.startsWith("v70")),
      ),
    ).toBe("v7.3.0");
    expect(
      newerMajorRef(
        "v7",
        tags.filter((t) => !t.startsWith("v70")),
      ),
    ).toBeUndefined();
    expect(newerMajorRef("main", tags)).toBeUndefined();
  });
});
