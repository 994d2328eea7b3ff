// One catalog for every visible string; `t` fills {placeholders}; dates use Intl (shared/format.ts).
import { createContext, useContext } from "react";
import { en, type MessageKey } from "./en";
import { ja } from "./ja";
import type { Language } from "../ipc/bindings";

export type Locale = "en" | "ja";
export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

export function resolveLocale(lang: Language, navigatorLanguage: string | undefined): Locale {
  if (lang === "ja" || lang === "en") return lang;
  return navigatorLanguage?.toLowerCase().startsWith("ja") ? "ja" : "en";
}

export function translate(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const table = catalogs[locale] as Record<string, string>;
  const text = table[key] ?? (en as Record<string, string>)[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export type T = (key: MessageKey | `error.${string}`, vars?: Record<string, string | number>) => string;

export const LocaleContext = createContext<Locale>("en");

export function useT(): { t: T; locale: Locale } {
  const locale = useContext(LocaleContext);
  return { t: (key, vars) => translate(locale, key, vars), locale };
}
