/**
 * A matching key for a line: the structural markers (the comments header, the disclaimer,
 * promotion lines, site names) must be recognised however the dump spells them, with
 * presentation-form letters, tatweel, diacritics or the different hamza seats. The key is
 * only ever compared; parsed text is returned as written.
 */
export function foldForMatching(text: string): string {
  return (
    text
      .normalize("NFKC")
      // Invisible marks, tatweel and diacritics carry no letters.
      .replace(/[\u200b-\u200f\u061c\u2066-\u2069\ufeff\u0640\u064b-\u065f\u0670]/g, "")
      .replace(/[أإآٱ]/g, "ا")
      .replace(/ى/g, "ي")
      .replace(/ة/g, "ه")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase()
  );
}
