import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ja } from "./ja";
import { resolveLocale, translate } from "./i18n";
import { ERROR_KINDS } from "../ipc/bindings";

const camel = (k: string) => k.charAt(0).toLowerCase() + k.slice(1);

describe("catalog", () => {
  it("has every key in both languages, none empty", () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(ja)) expect(v.trim(), k).not.toBe("");
    for (const [k, v] of Object.entries(en)) expect(v.trim(), k).not.toBe("");
  });
  it("explains every error kind the core can send, with a next step", () => {
    for (const kind of ERROR_KINDS) {
      for (const table of [en, ja] as Record<string, string>[]) {
        expect(table[`error.${camel(kind)}`], kind).toBeTruthy();
        expect(table[`error.${camel(kind)}.next`], kind).toBeTruthy();
      }
    }
  });
  it("keeps placeholders the same in both languages", () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(ph(ja[k]), k).toEqual(ph(en[k]));
  });
  it("fills placeholders and resolves the system language", () => {
    expect(translate("en", "list.countAll", { count: "2,500" })).toBe("All 2,500");
    expect(translate("ja", "list.countAll", { count: "2,500" })).toBe("全 2,500 件");
    expect(resolveLocale("system", "ja-JP")).toBe("ja");
    expect(resolveLocale("system", "en-GB")).toBe("en");
    expect(resolveLocale("en", "ja-JP")).toBe("en");
  });
});
