import type { CompiledEntry } from "./compile-lexicon.ts";
import type { Hit, Intensifier, MatchPass, Negator } from "./match-tokens.ts";
import type { ScannedTokens } from "./scan.ts";
import {
  type ClassifierMatch,
  type ClassifierResult,
  type LanguageTag,
  type LexiconCategory,
  type MatchRule,
  type SentimentLabel,
  STANCE_TARGETS,
  type StanceSide,
  type StanceTarget,
} from "./types.ts";

/** insultScore at or above this makes a comment an insult. */
export const INSULT_THRESHOLD = 0.5;
/** |sentiment sum| at or above this makes a comment positive or negative. */
export const SENTIMENT_THRESHOLD = 0.3;
/** |stance sum| for a target at or above this gives the comment a side on it. */
export const STANCE_THRESHOLD = 0.3;

/** How far scope rules reach, in tokens, never across a clause (negation) or sentence. */
const REPORTING_WINDOW = 5;
const DISTANCING_WINDOW = 3;
const VOCATIVE_WINDOW = 2;
const INTENSIFIER_WINDOW = 2;
/** A vocative (يا حمار) is aimed at someone: stronger evidence of an insult. */
const VOCATIVE_BOOST = 1.5;
/** Insults also make a comment negative, a bit less than their insult weight. */
const ABUSE_SENTIMENT = 0.8;
/** A negated sentiment word flips: مش منيح is clearly negative, مش سيء only mildly positive. */
const NEGATED_POSITIVE = -0.8;
const NEGATED_NEGATIVE = -0.4;
/** Choosing a side's naming (الاحتلال الروسي, الأصدقاء الروس) also colours the sentiment. */
const STANCE_SENTIMENT = 0.4;
/** A target named in a sentence takes that sentence's sentiment, damped: naming alone is weak. */
const MENTION_FACTOR = 1;
/** A party's name in scare quotes or after "so-called" counts against it, this strongly. */
const DENIED_NAME = 0.5;
/** Short quotations around a naming are scare quotes (the "moderate opposition"). */
const SCARE_QUOTE_TOKENS = 4;

function within(list: number[], from: number, to: number): number {
  for (const index of list) if (index >= from && index <= to) return index;
  return -1;
}

/** ما أغباك، ما أسوأ (how stupid, how bad): ما before an أفعل form exclaims, it does not negate. */
const MA = [0x0645, 0x0627];
const ALEF = 0x0627;
function isExclamation(codes: Uint16Array, tokens: ScannedTokens, negator: number, first: number): boolean {
  if (first !== negator + 1) return false;
  const n = tokens.codeStart[negator] as number;
  if ((tokens.codeEnd[negator] as number) - n !== 2 || codes[n] !== MA[0] || codes[n + 1] !== MA[1])
    return false;
  const w = tokens.codeStart[first] as number;
  return (tokens.codeEnd[first] as number) - w >= 4 && codes[w] === ALEF;
}

const ILLA = [0x0627, 0x0644, 0x0627]; // الا (إلا)
const GHAYR = [0x063a, 0x064a, 0x0631]; // غير
function isToken(codes: Uint16Array, tokens: ScannedTokens, t: number, word: number[]): boolean {
  const start = tokens.codeStart[t] as number;
  if ((tokens.codeEnd[t] as number) - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (codes[start + k] !== word[k]) return false;
  return true;
}

/** ليس إلا كلباً, ما هو غير حمار (nothing but): a negator plus إلا/غير restricts, it does not negate. */
function isRestriction(codes: Uint16Array, tokens: ScannedTokens, negator: number, first: number): boolean {
  for (let t = negator + 1; t < first; t++) {
    if (isToken(codes, tokens, t, ILLA) || isToken(codes, tokens, t, GHAYR)) return true;
  }
  return false;
}

// The scope of the hit being decided, in module variables rather than an object per hit. Code
// here avoids closures and per-call helper objects: under tsx (keepNames) every closure created
// per call also costs a __name call, and a comment has only a handful of hits anyway.
let scopeQuoted = false;
let scopeScare = false;
let scopeReported = false;
let scopeDistanced = false;
let scopeNegated = false;
let scopeVocative = false;

function isNegatorIndexBefore(negators: Negator[], n: number): boolean {
  for (let k = 0; k < negators.length; k++) {
    const index = (negators[k] as Negator).index;
    if (index < n && n - index <= 2) return true;
  }
  return false;
}

function setScope(hit: Hit, codes: Uint16Array, tokens: ScannedTokens, pass: MatchPass): void {
  const first = hit.first;
  const clause = tokens.clause[first];
  const sentence = tokens.sentence[first];
  const quoteIndex = tokens.quote[first] as number;
  const quote = quoteIndex >= 0 ? tokens.quotes[quoteIndex] : undefined;
  scopeQuoted = quote !== undefined;
  scopeScare = quote !== undefined && quote.end - quote.first <= SCARE_QUOTE_TOKENS;
  scopeReported = false;
  if (pass.reporting.length > 0) {
    const reporter = within(pass.reporting, first - REPORTING_WINDOW, first - 1);
    scopeReported = reporter >= 0 && tokens.sentence[reporter] === sentence;
  }
  scopeDistanced = false;
  if (pass.distancing.length > 0) {
    const before = within(pass.distancing, first - DISTANCING_WINDOW, first - 1);
    const after = within(pass.distancing, hit.last + 1, hit.last + 1);
    scopeDistanced =
      (before >= 0 && tokens.clause[before] === clause) || (after >= 0 && tokens.clause[after] === clause);
  }
  let vocative = hit.vocativePrefix;
  if (!vocative && pass.vocatives.length > 0) {
    const vocativeAt = within(pass.vocatives, first - VOCATIVE_WINDOW, first - 1);
    vocative = vocativeAt >= 0 && tokens.clause[vocativeAt] === clause;
  }
  scopeVocative = vocative;
  let negated = false;
  const negators = pass.negators;
  for (let k = 0; k < negators.length; k++) {
    const negator = negators[k] as Negator;
    const n = negator.index;
    if (n >= first || first - n > negator.reach || tokens.clause[n] !== clause) continue;
    // غير after another negator is "except" (ما هو غير حمار), not a negation of its own.
    if (isToken(codes, tokens, n, GHAYR) && isNegatorIndexBefore(negators, n)) continue;
    if (isExclamation(codes, tokens, n, first) || isRestriction(codes, tokens, n, first)) continue;
    // "لا يا حمار" (no, you donkey) is not negated: the vocative starts a new address.
    if (within(pass.vocatives, n + 1, first - 1) < 0) negated = true;
  }
  scopeNegated = negated;
}

/** A word with a literal sense in a literal context (farm, حمار وحشي), unless someone is addressed. */
function isLiteral(hit: Hit, tokens: ScannedTokens, pass: MatchPass, vocative: boolean): boolean {
  if (vocative) return false;
  if (pass.contextSentences.includes(tokens.sentence[hit.first] as number)) return true;
  const spans = pass.exceptionSpans;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k] as [number, number];
    if (span[0] <= hit.last && span[1] >= hit.first) return true;
  }
  return false;
}

// Per-comment working state, reused from call to call.
const stanceSum = new Float64Array(STANCE_TARGETS.length);
const stanceSeen = new Uint8Array(STANCE_TARGETS.length);
const abuseTerms: string[] = [];
const abuseWeights: number[] = [];
const sentimentSentences: number[] = [];
const sentimentValues: number[] = [];
let sentimentCount = 0;
// Named targets (entity rows), decided once the sentence sentiments are known.
const mentionHits: Hit[] = [];
const mentionEntries: CompiledEntry[] = [];
let mentionScope = new Uint8Array(16);
const MENTION_QUOTED = 1;
const MENTION_SCARE = 2;
const MENTION_REPORTED = 4;
const MENTION_DISTANCED = 8;

/** Adds to a target's stance sum, by its index in STANCE_TARGETS (CompiledEntry.targetIndex). */
function addStance(index: number, value: number): void {
  stanceSum[index] = (stanceSum[index] as number) + value;
  stanceSeen[index] = 1;
}

if (STANCE_TARGETS.join(",") !== "russia,usa,syrian_government,syrian_opposition")
  throw new Error("decide.ts: the stance object is built in another order than STANCE_TARGETS");

/** The side a target's stance sum gives, if any. */
function sideAt(index: number): StanceSide | undefined {
  if (!stanceSeen[index]) return undefined;
  const sum = stanceSum[index] as number;
  if (sum >= STANCE_THRESHOLD) return "favor";
  if (sum <= -STANCE_THRESHOLD) return "against";
  return undefined;
}

function sentenceSentiment(sentence: number): number {
  for (let k = 0; k < sentimentCount; k++)
    if (sentimentSentences[k] === sentence) return sentimentValues[k] as number;
  return 0;
}

function addSentimentAt(sentence: number, value: number): void {
  for (let k = 0; k < sentimentCount; k++) {
    if (sentimentSentences[k] === sentence) {
      sentimentValues[k] = (sentimentValues[k] as number) + value;
      return;
    }
  }
  sentimentSentences[sentimentCount] = sentence;
  sentimentValues[sentimentCount] = value;
  sentimentCount++;
}

/**
 * Applies the scope rules to what matchTokens found and scores the comment.
 * Rules, in order: quotation and reported speech ("من يصفهم بالكلاب") are not the writer's words;
 * negation (مش، ليس، not, pas) cancels insults and stance and flips sentiment; literal context
 * (farm, zoo, حمار وحشي) cancels words marked literal unless someone is addressed (يا …);
 * scare quotes and "so-called" flip a stance naming.
 */
export function decide(
  tokens: ScannedTokens,
  pass: MatchPass,
  language: LanguageTag,
  lexiconVersion: string,
): ClassifierResult {
  const hits = pass.hits;
  const hitCount = pass.hitCount;
  if (hitCount === 0)
    return {
      insult: false,
      insultScore: 0,
      sentiment: "neutral",
      sentimentScore: 0,
      stance: {},
      language,
      matches: [],
      lexiconVersion,
    };
  const matches: ClassifierMatch[] = [];
  const origStart = tokens.origStart;
  const origEnd = tokens.origEnd;
  let sentimentSum = 0;
  let abuseCount = 0;
  let mentionCount = 0;
  sentimentCount = 0;
  for (let index = 0; index < STANCE_TARGETS.length; index++) {
    stanceSum[index] = 0;
    stanceSeen[index] = 0;
  }

  for (let h = 0; h < hitCount; h++) {
    const hit = hits[h] as Hit;
    const start = origStart[hit.first] as number;
    const end = origEnd[hit.last] as number;
    setScope(hit, tokens.codes, tokens, pass);
    const entries = pass.entries;
    for (let e = hit.entryStart; e < hit.entryEnd; e++) {
      const compiled = entries[e] as CompiledEntry;
      const entry = compiled;
      const category = entry.category;
      if (compiled.abusive) {
        let rule: MatchRule | undefined;
        if (scopeQuoted) rule = "quoted";
        else if (scopeReported || scopeDistanced) rule = "reported";
        else if (scopeNegated) rule = "negated";
        else if (compiled.literal && isLiteral(hit, tokens, pass, scopeVocative)) rule = "literal";
        else if (scopeVocative) rule = "vocative";
        matches.push(match(entry.term, category, start, end, rule, undefined, undefined));
        if (rule && rule !== "vocative") continue;
        const weight = Math.min(0.99, entry.weight * (scopeVocative ? VOCATIVE_BOOST : 1));
        // Repeating one word is not more evidence: each term counts once, at its strongest.
        let known = -1;
        for (let k = 0; k < abuseCount; k++) {
          if (abuseTerms[k] === entry.term) {
            known = k;
            break;
          }
        }
        if (known < 0) {
          abuseTerms[abuseCount] = entry.term;
          abuseWeights[abuseCount] = weight;
          abuseCount++;
        } else abuseWeights[known] = Math.max(abuseWeights[known] as number, weight);
        const value = -ABUSE_SENTIMENT * entry.weight;
        sentimentSum += value;
        addSentimentAt(tokens.sentence[hit.first] as number, value);
      } else if (category === "positive" || category === "negative") {
        let rule: MatchRule | undefined;
        if (scopeQuoted) rule = "quoted";
        else if (scopeReported) rule = "reported";
        else if (scopeNegated) rule = "negated";
        matches.push(match(entry.term, category, start, end, rule, undefined, undefined));
        if (rule === "quoted" || rule === "reported") continue;
        let value = category === "positive" ? entry.weight : -entry.weight;
        const intensifiers = pass.intensifiers;
        for (let k = 0; k < intensifiers.length; k++) {
          const intensifier = intensifiers[k] as Intensifier;
          const near =
            (intensifier.index < hit.first && hit.first - intensifier.index <= INTENSIFIER_WINDOW) ||
            (intensifier.index > hit.last && intensifier.index - hit.last <= INTENSIFIER_WINDOW);
          if (near && tokens.clause[intensifier.index] === tokens.clause[hit.first]) {
            value *= intensifier.weight;
          }
        }
        if (rule === "negated") value *= category === "positive" ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
        sentimentSum += value;
        addSentimentAt(tokens.sentence[hit.first] as number, value);
      } else if (category === "stance" && entry.target && entry.side) {
        let side: StanceSide = entry.side;
        let rule: MatchRule | undefined;
        if (scopeReported) rule = "reported";
        else if (scopeQuoted && !scopeScare) rule = "quoted";
        else if (scopeNegated) rule = "negated";
        else if (scopeScare) rule = "scare-quotes";
        else if (scopeDistanced) rule = "so-called";
        if (rule === "scare-quotes" || rule === "so-called") side = side === "favor" ? "against" : "favor";
        matches.push(match(entry.term, category, start, end, rule, entry.target, side));
        if (rule === "reported" || rule === "quoted" || rule === "negated") continue;
        const signed = side === "favor" ? entry.weight : -entry.weight;
        addStance(entry.targetIndex, signed);
        sentimentSum += signed * STANCE_SENTIMENT;
      } else if (category === "entity" && entry.target) {
        if (mentionCount >= mentionScope.length) {
          const bigger = new Uint8Array(mentionScope.length * 2);
          bigger.set(mentionScope);
          mentionScope = bigger;
        }
        mentionHits[mentionCount] = hit;
        mentionEntries[mentionCount] = compiled;
        mentionScope[mentionCount] =
          (scopeQuoted ? MENTION_QUOTED : 0) |
          (scopeScare ? MENTION_SCARE : 0) |
          (scopeReported ? MENTION_REPORTED : 0) |
          (scopeDistanced ? MENTION_DISTANCED : 0);
        mentionCount++;
      }
    }
  }

  const contentMatches = matches.length;
  // A named target takes the sentiment of its sentence: "بوتين مجرم" is against Russia.
  for (let k = 0; k < mentionCount; k++) {
    const hit = mentionHits[k] as Hit;
    const entry = mentionEntries[k] as CompiledEntry;
    const target = entry.target as StanceTarget;
    const scope = mentionScope[k] as number;
    const scare = (scope & MENTION_SCARE) !== 0;
    const reported = (scope & MENTION_REPORTED) !== 0;
    const distanced = (scope & MENTION_DISTANCED) !== 0;
    // Scare quotes or "so-called" around a party's name deny it: ما يسمى "المعارضة المعتدلة".
    if ((scare && !reported) || distanced) {
      const rule: MatchRule = scare ? "scare-quotes" : "so-called";
      addStance(entry.targetIndex, -entry.weight * DENIED_NAME);
      matches.push(
        match(
          entry.term,
          "entity",
          origStart[hit.first] as number,
          origEnd[hit.last] as number,
          rule,
          target,
          "against",
        ),
      );
      continue;
    }
    if ((scope & MENTION_QUOTED) !== 0 || reported) continue;
    const sentiment = sentenceSentiment(tokens.sentence[hit.first] as number);
    if (Math.abs(sentiment) < SENTIMENT_THRESHOLD * 0.5) continue;
    const side: StanceSide = sentiment > 0 ? "favor" : "against";
    const signed = Math.sign(sentiment) * Math.min(1, Math.abs(sentiment)) * entry.weight * MENTION_FACTOR;
    addStance(entry.targetIndex, signed);
    matches.push(
      match(
        entry.term,
        "entity",
        origStart[hit.first] as number,
        origEnd[hit.last] as number,
        "mention",
        target,
        side,
      ),
    );
  }

  let notInsult = 1;
  for (let k = 0; k < abuseCount; k++) notInsult *= 1 - (abuseWeights[k] as number);
  // Named stores in STANCE_TARGETS order (checked at load): a store keyed by a variable would
  // be a megamorphic keyed store on every comment with a stance.
  const stance: Partial<Record<StanceTarget, StanceSide>> = {};
  const russia = sideAt(0);
  if (russia) stance.russia = russia;
  const usa = sideAt(1);
  if (usa) stance.usa = usa;
  const government = sideAt(2);
  if (government) stance.syrian_government = government;
  const opposition = sideAt(3);
  if (opposition) stance.syrian_opposition = opposition;
  const sentiment: SentimentLabel =
    sentimentSum >= SENTIMENT_THRESHOLD
      ? "positive"
      : sentimentSum <= -SENTIMENT_THRESHOLD
        ? "negative"
        : "neutral";
  // Hits do not overlap and come in text order, so the matches before the mentions are in
  // order, and so are the mentions: only both together need merging, which an insertion sort
  // does in about one pass (Array.prototype.sort pays its setup and a comparator call a step).
  if (contentMatches > 0 && matches.length > contentMatches) sortByPosition(matches);
  // The result itself, keys in the order the JSON output has always had: no intermediate
  // object for classify to copy from.
  const insultScore = round(1 - notInsult);
  return {
    insult: insultScore >= INSULT_THRESHOLD,
    insultScore,
    sentiment,
    sentimentScore: round(sentimentSum / (Math.abs(sentimentSum) + 1)),
    stance,
    language,
    matches,
    lexiconVersion,
  };
}

function match(
  term: string,
  category: LexiconCategory,
  start: number,
  end: number,
  rule: MatchRule | undefined,
  target: StanceTarget | undefined,
  side: StanceSide | undefined,
): ClassifierMatch {
  // Object literals of a fixed shape per case, keys in the order the JSON output has always had.
  if (target) {
    if (rule) return { term, category, target, side, start, end, rule };
    return { term, category, target, side, start, end };
  }
  if (rule) return { term, category, start, end, rule };
  return { term, category, start, end };
}

/** Stable insertion sort by (start, end): the same order as a stable sort with that comparator. */
function sortByPosition(matches: ClassifierMatch[]): void {
  for (let i = 1; i < matches.length; i++) {
    const item = matches[i] as ClassifierMatch;
    let j = i - 1;
    let before = matches[j] as ClassifierMatch;
    if (before.start < item.start || (before.start === item.start && before.end <= item.end)) continue;
    do {
      matches[j + 1] = before;
      j--;
      if (j < 0) break;
      before = matches[j] as ClassifierMatch;
    } while (before.start > item.start || (before.start === item.start && before.end > item.end));
    matches[j + 1] = item;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
