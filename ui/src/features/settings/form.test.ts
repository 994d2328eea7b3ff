import { describe, expect, it } from "vitest";
import { blankToNull, errorsByField, splitSeconds, withProfile } from "./form";
import type { Settings } from "../../ipc/bindings";

describe("settings form helpers", () => {
  it("keys the first error of each field", () => {
    expect(
      errorsByField([
        { field: "a", message: "x" },
        { field: "a", message: "y" },
        { field: "b", message: "z" },
      ]),
    ).toEqual({ a: "x", b: "z" });
  });
  it("edits one profile without touching the others", () => {
    const s = {
      profiles: { a: { region: "x", endpointUrl: null, pathStyle: null, defaultBucket: null, defaultPrefix: null } },
    } as unknown as Settings;
    const t = withProfile(s, "b", { region: "eu-west-1" });
    expect(t.profiles.a?.region).toBe("x");
    expect(t.profiles.b?.region).toBe("eu-west-1");
    expect(s.profiles.b).toBeUndefined();
  });
  it("treats blank as unset and splits seconds into a unit", () => {
    expect(blankToNull("  ")).toBeNull();
    expect(blankToNull(" eu-west-1 ")).toBe("eu-west-1");
    expect(splitSeconds(300)).toEqual({ value: 5, unit: 60 });
    expect(splitSeconds(604800)).toEqual({ value: 7, unit: 86400 });
    expect(splitSeconds(90)).toEqual({ value: 90, unit: 1 });
  });
});
