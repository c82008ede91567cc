/**
 * Folds text for the moderation queue's search, on both sides: the stored comment text and the
 * moderator's search term. The same folding as the classifier's normalise() for matching: no
 * diacritics, Quranic marks, tatweel or invisible format characters; one letter for each group of
 * variants; lower case. It mirrors the database function raqib_search_text() (which only
 * migrations use to fill search keys of rows stored before this function existed); a test checks
 * that the two agree on every character of the Arabic blocks and on the seed articles.
 */
const REMOVED =
  /[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
const VARIANTS = "إأآٱٲٳىیېےۍئؤةۀہەۃکگڪڭڨپچڤڥژ";
const FOLDED = "ااااااييييييوهههههككككقبجففز";
const VARIANT_PATTERN = new RegExp(`[${VARIANTS}]`, "g");
const FOLD = new Map([...VARIANTS].map((ch, i) => [ch, FOLDED[i] as string]));

export function foldSearchText(text: string): string {
  return text
    .replace(REMOVED, "")
    .replace(VARIANT_PATTERN, (ch) => FOLD.get(ch) as string)
    .toLowerCase();
}
