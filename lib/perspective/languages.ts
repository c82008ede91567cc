import type { LanguageTag } from "../classifier/index.ts";

/** Languages Raqib's lexicon scores (Arabic, including Arabizi, plus French and English). */
export const SUPPORTED_LANGUAGES = ["ar", "fr", "en"] as const;

function primarySubtag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
}

export function isSupportedLanguage(tag: string): boolean {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(primarySubtag(tag));
}

/**
 * The languages a request is scored and reported as. `requested` is only a hint: Coral sends
 * ["en"] for Arabic sites, so the text's own language wins whenever it can be detected; the
 * hint is used only when the text has no language of its own (emoji, numbers).
 */
export function resolveLanguages(
  requested: readonly string[],
  detected: LanguageTag,
): { scoredAs: string; detectedLanguages: string[] } {
  if (detected !== "und") return { scoredAs: detected, detectedLanguages: [detected] };
  const hint = requested.find(isSupportedLanguage);
  return { scoredAs: hint ? primarySubtag(hint) : "ar", detectedLanguages: [] };
}
