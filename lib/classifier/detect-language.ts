import { KIND_LATIN, type ScannedTokens, tokenText } from "./scan.ts";
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
export function detectLanguage(tokens: ScannedTokens): LanguageTag {
  const arabic = tokens.arabicLetters;
  const latin = tokens.latinLetters;
  if (arabic === 0 && latin === 0) return "und";
  if (arabic >= latin) return "ar";
  // Only Latin-script comments pay for building token strings.
  let english = 0;
  let french = 0;
  let arabizi = 0;
  for (let t = 0; t < tokens.count; t++) {
    if (tokens.kind[t] !== KIND_LATIN) continue;
    const word = tokenText(tokens, t);
    if (ENGLISH.has(word)) english++;
    if (FRENCH.has(word)) french++;
    if (ARABIZI.has(word)) arabizi++;
    else if (/[a-z][2-9]|[2-9][a-z]/.test(word)) arabizi += 2;
  }
  const best = Math.max(english, french, arabizi);
  if (best === 0) return "und";
  if (arabizi === best) return "ar-Latn";
  if (french === best) return "fr";
  return "en";
}
