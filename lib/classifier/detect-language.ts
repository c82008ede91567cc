import { CodeTable } from "./code-table.ts";
import { KIND_LATIN, type ScannedTokens } from "./scan.ts";
import type { LanguageTag } from "./types.ts";

// Frequent function words: a handful per language tells Latin-script comments apart.
const ENGLISH = new Set(
  "the is are was were and or of to in on for with this that these those it they he she we you not no never be have has do does did will would what who why how just but".split(
    " ",
  ),
);
const FRENCH = new Set(
  "le la les des du un une est sont et ou de en dans pour avec ce cette ces il elle ils nous vous pas ne que qui quoi sur au aux mais tres plus".split(
    " ",
  ),
);
const ARABIZI = new Set(
  "ya w wa el al il enta enti inta inti ana howa hiya homa ma msh mesh mish mush bas shu sho eh ey law wallah walah yalla 3ala 3an ma3 fe fi men min kol kolo kollo ktir kteer awi 2awi keda kda hek hayda haida da dah di mafi mafish hada hadi bzaf bezaf wesh chi machi zwin".split(
    " ",
  ),
);

/**
 * Language of a comment from its tokens: "ar" when Arabic letters are the majority, else for
 * Latin script "ar-Latn" (Arabizi: Arabic words with digits for letters, like 3ala or 7mar), "fr"
 * or "en" by function words; "und" when nothing decides (only emoji, numbers, or no signal).
 */
function wordTable(words: Set<string>): CodeTable<true> {
  const table = new CodeTable<true>(words.size);
  for (const word of words) table.upsert(word, () => true);
  return table;
}
const ENGLISH_TABLE = wordTable(ENGLISH);
const FRENCH_TABLE = wordTable(FRENCH);
const ARABIZI_TABLE = wordTable(ARABIZI);

/** Arabizi writes some Arabic letters as digits: a letter next to 2–9 (3ala, 7mar, ma3). */
function hasDigitLetter(codes: Uint16Array, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const a = codes[i - 1] as number;
    const b = codes[i] as number;
    const aDigit = a >= 0x32 && a <= 0x39;
    const bDigit = b >= 0x32 && b <= 0x39;
    if ((aDigit && b >= 0x61 && b <= 0x7a) || (bDigit && a >= 0x61 && a <= 0x7a)) return true;
  }
  return false;
}

/**
 * Language of a comment from its tokens: "ar" when Arabic letters are the majority, else for
 * Latin script "ar-Latn" (Arabizi: Arabic words with digits for letters, like 3ala or 7mar), "fr"
 * or "en" by function words; "und" when nothing decides (only emoji, numbers, or no signal).
 */
export function detectLanguage(tokens: ScannedTokens): LanguageTag {
  const arabic = tokens.arabicLetters;
  const latin = tokens.latinLetters;
  if (arabic === 0 && latin === 0) return "und";
  if (arabic >= latin) return "ar";
  // Function words are looked up by the scanner's hashes: no strings are built.
  let english = 0;
  let french = 0;
  let arabizi = 0;
  const codes = tokens.codes;
  for (let t = 0; t < tokens.count; t++) {
    if (tokens.kind[t] !== KIND_LATIN) continue;
    const start = tokens.codeStart[t] as number;
    const end = tokens.codeEnd[t] as number;
    const hash = tokens.hash[t] as number;
    if (ENGLISH_TABLE.lookup(hash, codes, start, end - start)) english++;
    if (FRENCH_TABLE.lookup(hash, codes, start, end - start)) french++;
    if (ARABIZI_TABLE.lookup(hash, codes, start, end - start)) arabizi++;
    else if (hasDigitLetter(codes, start, end)) arabizi += 2;
  }
  const best = Math.max(english, french, arabizi);
  if (best === 0) return "und";
  if (arabizi === best) return "ar-Latn";
  if (french === best) return "fr";
  return "en";
}
