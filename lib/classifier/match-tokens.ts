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

interface Reading {
  entry: CompiledEntry;
  stemLength: number;
  prefixLength: number;
  vocative: boolean;
}

interface Best {
  /** The best reading per meaning (category and target): longest stem, then shortest prefix. */
  readings: Map<string, Reading>;
  phrase?: CompiledPhrase;
  phraseVocative: boolean;
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
        best.phraseVocative = vocative;
        break;
      }
    }
  }
  const word = slot.word;
  if (!word) return;
  for (const entry of word.entries) {
    // Stripping is only allowed for rows that permit it: exact rows match the bare word only,
    // and Latin prefixes (ya, el, w) only apply to Arabizi rows.
    if ((prefixLength > 0 && entry.exact) || (latinPrefix && !entry.arabizi)) continue;
    const meaning = `${entry.entry.category}|${entry.entry.target ?? ""}`;
    const known = best.readings.get(meaning);
    if (
      known &&
      (known.stemLength > word.stemLength || (known.stemLength === word.stemLength && known.prefixLength <= prefixLength))
    ) {
      continue;
    }
    best.readings.set(meaning, { entry, stemLength: word.stemLength, prefixLength, vocative });
  }
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
    const best: Best = { readings: new Map(), phraseVocative: false };
    lookupToken(lexicon, tokens, i, token.norm, best);
    if (best.readings.size === 0 && !best.phrase && token.kind !== KIND_SYMBOL && hasDouble(token.norm)) {
      lookupToken(lexicon, tokens, i, collapseDoubles(token.norm), best);
    }
    let entries: CompiledEntry[] = [];
    let vocative = false;
    for (const reading of best.readings.values()) {
      entries.push(reading.entry);
      vocative ||= reading.vocative;
    }
    let last = i;
    const phrase = best.phrase;
    if (phrase) {
      if (phrase.entries.every((e) => e.entry.category === "exception")) {
        pass.exceptionSpans.push([i, i + phrase.tokens.length - 1]);
      } else {
        entries = phrase.entries;
        vocative = best.phraseVocative;
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
    if (content.length > 0) pass.hits.push({ first: i, last, entries: content, vocativePrefix: vocative });
    i = last;
  }
  return pass;
}
