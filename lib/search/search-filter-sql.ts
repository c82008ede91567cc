import { foldSearchText } from "./fold-search-text.ts";
import { LONG_WORD_MARKER, MAX_SEARCH_WORD, SEARCH_WORD_SPLIT } from "./search-words.ts";

/** Parts shorter than this find too many words to narrow anything (and trigrams need three). */
const MIN_LOOKUP_PART = 3;

/** `%`, `_` and `\` are LIKE wildcards: a search term means its characters literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * The queue's search as a WHERE expression over `comment c`: the folded term is a substring of
 * the comment's folded title and body (search_text). To get there without reading every comment,
 * each white-space-free part of the term, which must lie inside one word of any matching text,
 * is looked up in the word dictionary (trigram index on search_word) and the comments holding one
 * of those words come from the GIN index on search_words; comments with an over-long word are
 * always looked at. The final LIKE keeps the result exact (a phrase, word order, punctuation).
 * `param` adds a bound parameter and returns its placeholder.
 */
export function searchFilterSql(term: string, param: (value: unknown) => string): string {
  const folded = foldSearchText(term);
  const tests = [`c.search_text LIKE '%' || ${param(escapeLike(folded))} || '%'`];
  const parts = new Set(folded.split(SEARCH_WORD_SPLIT).filter((part) => part.length >= MIN_LOOKUP_PART));
  for (const part of parts) {
    // A part longer than any indexed word can only lie inside an over-long word.
    const lookup =
      part.length > MAX_SEARCH_WORD
        ? "ARRAY[]::text[]"
        : `ARRAY(SELECT w.word FROM search_word w WHERE w.word LIKE '%' || ${param(escapeLike(part))} || '%')`;
    tests.push(`c.search_words && (${lookup} || ${param(LONG_WORD_MARKER)}::text)`);
  }
  return tests.join(" AND ");
}
