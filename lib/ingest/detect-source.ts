import { foldForMatching } from "./fold-text.ts";

/**
 * The news sites and agencies Raqib recognises by name, each with the stable display name
 * it is stored under and the spellings that occur in dumps. A source is only reported
 * where the text itself says it (a disclaimer or a dateline); it is never guessed from
 * the style of a page.
 */
export const KNOWN_SOURCES: ReadonlyArray<{ name: string; aliases: readonly string[] }> = [
  { name: "إيلاف", aliases: ["إيلاف", "ايلاف", "Elaph"] },
  { name: "سانا", aliases: ["سانا", "SANA"] },
  { name: "الثورة نت", aliases: ["الثورة نت", "الثورةنت"] },
  { name: "روسيا اليوم", aliases: ["روسيا اليوم", "آر تي", "RT", "RT Arabic"] },
  { name: "سبوتنيك", aliases: ["سبوتنيك", "Sputnik"] },
  { name: "الجزيرة نت", aliases: ["الجزيرة نت"] },
  { name: "العربية نت", aliases: ["العربية نت"] },
  { name: "الأناضول", aliases: ["الأناضول", "وكالة الأناضول"] },
  { name: "رويترز", aliases: ["رويترز", "Reuters"] },
  { name: "فرانس برس", aliases: ["فرانس برس", "أ ف ب", "AFP"] },
];

const BY_ALIAS = new Map<string, string>(
  KNOWN_SOURCES.flatMap((source) => source.aliases.map((alias) => [foldForMatching(alias), source.name])),
);

/** The display name for a spelling of a known source, or null. */
export function knownSourceName(text: string): string | null {
  return BY_ALIAS.get(foldForMatching(text)) ?? null;
}

/** "جميع التعليقات المنشورة تعبر عن رأي كتّابها ولا تعبر بالضرورة عن رأي إيلاف" */
export function isCommentDisclaimer(line: string, folded: string = foldForMatching(line)): boolean {
  return folded.startsWith("جميع التعليقات المنشوره") || /^التعليقات المنشوره تعبر عن راي/.test(folded);
}

/**
 * The site a disclaimer names. A disclaimer is explicit, so an unknown name is reported as
 * written rather than dropped.
 */
export function sourceFromDisclaimer(line: string): string | null {
  if (!isCommentDisclaimer(line)) return null;
  const match = /عن\s+ر[أاإ][يى]\s+(?!كت)([^.!،,]+?)\s*[.!]*$/u.exec(line.normalize("NFKC").trim());
  const named = match?.[1]?.trim();
  if (!named) return null;
  return knownSourceName(named) ?? named;
}

/** Datelines are short: "موسكو – سانا", "الثورة نت/موسكو / عواصم / وكالات". */
const MAX_DATELINE_CHARS = 80;
const MAX_DATELINE_WORDS = 8;

/** The known source a dateline line names, or null when the line is not a dateline. */
export function sourceFromDateline(line: string): string | null {
  const text = line.normalize("NFKC").trim();
  if (text.length > MAX_DATELINE_CHARS || text.split(/\s+/).length > MAX_DATELINE_WORDS) return null;
  const segments = text.split(/\s*[–—\-/|]\s*/).filter((segment) => segment !== "");
  if (segments.length < 2) return null;
  for (const segment of segments) {
    const name = knownSourceName(segment);
    if (name) return name;
  }
  return null;
}

/** Elaph opens its reports with "إيلاف من لندن:" or "إيلاف:". */
export function sourceFromByline(line: string): string | null {
  const folded = foldForMatching(line);
  return /^ايلاف(?: من [^:]{1,40})?:/.test(folded) ? "إيلاف" : null;
}
