/**
 * Clitics and suffixes, already in normalised spelling (ة→ه, أ→ا). Kept small on purpose: each
 * candidate stem is one more lookup, and every extra affix is another way to mis-split a word.
 */

/** Proclitics: conjunctions و ف, prepositions ب ل ك, the article ال, لل, and vocative يا written
 * together with the word (ياكلب), the Levantine demonstrative ها+ال (هالحكي), longest first so
 * والكلاب tries وال before و. */
export const ARABIC_PREFIXES = [
  "وبال",
  "وكال",
  "فبال",
  "وهال",
  "بهال",
  "وال",
  "فال",
  "بال",
  "كال",
  "ولل",
  "فلل",
  "هال",
  "لل",
  "ال",
  "يا",
  "و",
  "ف",
  "ب",
  "ل",
  "ك",
] as const;

/** Pronoun suffixes, feminine, plural and dual endings (ه covers ة after normalisation). */
export const ARABIC_SUFFIXES = [
  "",
  "ا",
  "ه",
  "ها",
  "هم",
  "هما",
  "هن",
  "ك",
  "كم",
  "كما",
  "كن",
  "ي",
  "ني",
  "نا",
  "ات",
  "ون",
  "ين",
  "ان",
  "تين",
  "تان",
  "يه",
  "يين",
  "ته",
  "تها",
  "تهم",
  "تك",
  "تكم",
  "تي",
  "اتهم",
  "اتكم",
  "وا",
  "و",
  "ينه",
  "يات",
] as const;

/** Arabizi (Arabic in Latin letters) prefixes: ya 7mar, el kalb → yakalb, elkalb, wel7mar. */
export const ARABIZI_PREFIXES = ["wel", "bel", "fel", "ya", "el", "il", "al", "w", "b", "l"] as const;
export const ARABIZI_SUFFIXES = [
  "",
  "a",
  "ah",
  "een",
  "in",
  "ek",
  "ak",
  "ik",
  "o",
  "ha",
  "hom",
  "kom",
  "s",
] as const;

/** English and French plural and feminine endings. */
export const LATIN_SUFFIXES = ["", "s", "es", "e", "x"] as const;

/** Collapses doubled letters: حماار → حمار, for the second lookup after an exact miss. */
export function collapseDoubles(word: string): string {
  let out = "";
  let prev = "";
  for (const ch of word) {
    if (ch !== prev) out += ch;
    prev = ch;
  }
  return out;
}

export function hasDouble(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}
