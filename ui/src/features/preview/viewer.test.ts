import { describe, expect, it } from "vitest";
import { chooseViewer, needsSniffing, typeFromKey } from "./viewer";

describe("chooseViewer", () => {
  it("uses the stored type", () => {
    expect(chooseViewer("application/pdf", "a.bin")).toEqual({
      viewer: "pdf",
      overrideType: null,
      type: "application/pdf",
    });
    expect(chooseViewer("image/png; charset=binary", "x")).toMatchObject({ viewer: "image", overrideType: null });
    expect(chooseViewer("image/svg+xml", "logo.svg").viewer).toBe("image");
  });
  it("never renders HTML or scripts inline", () => {
    expect(chooseViewer("text/html", "page.html").viewer).toBe("card");
    expect(chooseViewer("application/javascript", "a.js").viewer).toBe("card");
    expect(chooseViewer("application/octet-stream", "page.html").viewer).toBe("card");
  });
  it("falls back to the extension for octet-stream or missing types and overrides the response type", () => {
    expect(chooseViewer("application/octet-stream", "r/報告.PDF")).toEqual({
      viewer: "pdf",
      overrideType: "application/pdf",
      type: "application/pdf",
    });
    expect(chooseViewer(null, "photo.jpeg")).toEqual({
      viewer: "image",
      overrideType: "image/jpeg",
      type: "image/jpeg",
    });
    expect(chooseViewer(undefined, "noext")).toEqual({ viewer: "card", overrideType: null, type: null });
  });
  it("reads extensions from the last segment only", () => {
    expect(typeFromKey("a.pdf/readme")).toBeNull();
    expect(typeFromKey(".png")).toBeNull();
    expect(typeFromKey("dir/x.webp")).toBe("image/webp");
  });
});

describe("needsSniffing", () => {
  it("reads the bytes only when type and name say nothing", () => {
    expect(needsSniffing("application/octet-stream", chooseViewer("application/octet-stream", "scan"))).toBe(true);
    expect(needsSniffing(null, chooseViewer(null, "scan"))).toBe(true);
    expect(needsSniffing(null, chooseViewer(null, "scan.pdf"))).toBe(false);
    expect(needsSniffing("text/html", chooseViewer("text/html", "x"))).toBe(false);
  });
});
