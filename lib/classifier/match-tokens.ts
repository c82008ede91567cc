import { ARABIC_PREFIXES, ARABIZI_PREFIXES, collapseDoubles, hasDouble } from "./affixes.ts";
import type { CompiledEntry, CompiledLexicon, CompiledPhrase, LookupSlot } from "./compile-lexicon.ts";
import { KIND_ARABIC, KIND_LATIN, KIND_SYMBOL, type Token } from "./tokenise.ts";

/** Lexicon entries found on a token range [first, last]. */
export interface Hit {
  first: number;
  last: number;
  entries: CompiledEntry[];
  /** The word carried a vocative prefix (ياكلب, ya7mar). */
  vocativePrefix: boolean;
}

export interface Negator {
  index: number;
  /** How many tokens ahead it reaches: round(weight × 3), at least 1. */
  reach: number;
}

export interface Intensifier {
  index: number;
  weight: number;
}

/** Everything one pass over the tokens finds; the scope rules are applied afterwards. */
export interface MatchPass {
  hits: Hit[];
  negators: Negator[];
  vocatives: number[];
  reporting: number[];
  distancing: number[];
  intensifiers: Intensifier[];
  /** Token ranges covered by exception phrases (حمار وحشي, لحم الخنزير). */
  exceptionSpans: [number, number][];
  /** Sentences holding a literal-context cue (مزرعة, بيطري, zoo). */
  contextSentences: Set<number>;
}

interface Best {
  words: CompiledEntry[];
  stemLength: number;
  prefixLength: number;
  vocative: boolean;
  phrase?: CompiledPhrase;
}

function phraseMatches(phrase: CompiledPhrase, tokens: Token[], at: number): boolean {
  const n = phrase.tokens.length;
  if (at + n > tokens.length) return false;
  const clause = (tokens[at] as Token).clause;
  for (let k = 1; k < n; k++) {
    const token = tokens[at + k] as Token;
    if (token.clause !== clause) return false;
    if (k === n - 1) return phrase.lastForms.has(token.norm) || phrase.lastForms.has(collapseDoubles(token.norm));
    if (token.norm !== phrase.tokens[k]) return false;
  }
  return true;
}

function consider(
  best: Best,
  slot: LookupSlot | undefined,
  tokens: Token[],
  at: number,
  prefixLength: number,
  latinPrefix: boolean,
  vocative: boolean,
): void {
  if (!slot) return;
  if (slot.phrases) {
    for (const phrase of slot.phrases) {
      if (best.phrase && best.phrase.tokens.length >= phrase.tokens.length) break;
      if (phrase.entries.some((e) => (prefixLength > 0 && e.exact) || (latinPrefix && !e.arabizi))) continue;
      if (phraseMatches(phrase, tokens, at)) {
        best.phrase = phrase;
        if (vocative) best.vocative = true;
        break;
      }
    }
  }
  const word = slot.word;
  if (!word) return;
  if (word.stemLength < best.stemLength) return;
  if (word.stemLength === best.stemLength && prefixLength >= best.prefixLength) return;
  // Stripping is only allowed for rows that permit it: exact rows match the bare word only,
  // and Latin prefixes (ya, el, w) only apply to Arabizi rows.
  const allowed = word.entries.filter((e) => !(prefixLength > 0 && e.exact) && !(latinPrefix && !e.arabizi));
  if (allowed.length === 0) return;
  best.words = allowed;
  best.stemLength = word.stemLength;
  best.prefixLength = prefixLength;
  best.vocative = vocative;
}

function lookupToken(lexicon: CompiledLexicon, tokens: Token[], at: number, norm: string, best: Best): void {
  const token = tokens[at] as Token;
  const slots = lexicon.slots;
  consider(best, slots.get(norm), tokens, at, 0, false, false);
  if (token.kind === KIND_ARABIC) {
    for (const prefix of ARABIC_PREFIXES) {
      if (norm.length - prefix.length >= 2 && norm.startsWith(prefix)) {
        consider(best, slots.get(norm.slice(prefix.length)), tokens, at, prefix.length, false, prefix === "يا");
      }
    }
  } else if (token.kind === KIND_LATIN) {
    for (const prefix of ARABIZI_PREFIXES) {
      if (norm.length - prefix.length >= 2 && norm.startsWith(prefix)) {
        consider(best, slots.get(norm.slice(prefix.length)), tokens, at, prefix.length, true, prefix === "ya");
      }
    }
  }
}

/**
 * Finds lexicon entries on the tokens: multi-word expressions first (longest wins and consumes
 * its tokens), else the single word with the longest stem after clitic and suffix stripping.
 * Doubled letters are collapsed only when the word as written finds nothing (حماار → حمار).
 */
export function matchTokens(tokens: Token[], lexicon: CompiledLexicon): MatchPass {
  const pass: MatchPass = {
    hits: [],
    negators: [],
    vocatives: [],
    reporting: [],
    distancing: [],
    intensifiers: [],
    exceptionSpans: [],
    contextSentences: new Set(),
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const best: Best = { words: [], stemLength: 0, prefixLength: 0, vocative: false };
    lookupToken(lexicon, tokens, i, token.norm, best);
    if (best.words.length === 0 && !best.phrase && token.kind !== KIND_SYMBOL && hasDouble(token.norm)) {
      lookupToken(lexicon, tokens, i, collapseDoubles(token.norm), best);
    }
    let entries = best.words;
    let last = i;
    const phrase = best.phrase;
    if (phrase) {
      if (phrase.entries.every((e) => e.entry.category === "exception")) {
        pass.exceptionSpans.push([i, i + phrase.tokens.length - 1]);
      } else {
        entries = phrase.entries;
        last = i + phrase.tokens.length - 1;
      }
    }
    if (entries.length === 0) continue;
    const content: CompiledEntry[] = [];
    for (const compiled of entries) {
      switch (compiled.entry.category) {
        case "negator":
          pass.negators.push({ index: i, reach: Math.max(1, Math.round(compiled.entry.weight * 3)) });
          break;
        case "vocative":
          pass.vocatives.push(i);
          break;
        case "reporting":
          pass.reporting.push(i);
          break;
        case "distancing":
          pass.distancing.push(i);
          break;
        case "intensifier":
          pass.intensifiers.push({ index: i, weight: compiled.entry.weight });
          break;
        case "exception":
          if (last === i) pass.contextSentences.add(token.sentence);
          else pass.exceptionSpans.push([i, last]);
          break;
        default:
          content.push(compiled);
      }
    }
    if (content.length > 0) pass.hits.push({ first: i, last, entries: content, vocativePrefix: best.vocative });
    i = last;
  }
  return pass;
}
