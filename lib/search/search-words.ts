/**
 * The distinct words of a folded search text (foldSearchText), which the queue's search index
 * holds for each comment (`comment.search_words`, a GIN index) and whose dictionary
 * (`search_word`, a trigram index) turns a substring search into a word look-up. A word is a
 * maximal run without white space: a search term's white-space-free part always lies inside one
 * word of any text that contains the term, which is what makes the look-up exact (see
 * searchFilterSql). The same white space class splits in the migration that fills the words of
 * rows stored before.
 */
export const SEARCH_WORD_SPLIT = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * Words longer than this are not indexed (btree and GIN entries are limited to about 2,700
 * bytes); a text holding one gets LONG_WORD_MARKER instead, and every search looks at such texts
 * too, so a term inside a 5,000-letter "word" is still found.
 */
export const MAX_SEARCH_WORD = 60;
export const LONG_WORD_MARKER = "\u0001long";

export function searchWords(folded: string): string[] {
  const words = new Set<string>();
  for (const word of folded.split(SEARCH_WORD_SPLIT)) {
    if (word.length === 0) continue;
    words.add(word.length > MAX_SEARCH_WORD ? LONG_WORD_MARKER : word);
  }
  return [...words];
}
