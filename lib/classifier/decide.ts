import type { Hit, MatchPass } from "./match-tokens.ts";
import type { ScannedTokens } from "./scan.ts";
import {
  type ClassifierMatch,
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

export interface Decision {
  insultScore: number;
  sentimentScore: number;
  sentiment: SentimentLabel;
  stance: Partial<Record<StanceTarget, StanceSide>>;
  matches: ClassifierMatch[];
}

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

interface Scope {
  quoted: boolean;
  scare: boolean;
  reported: boolean;
  distanced: boolean;
  negated: boolean;
  vocative: boolean;
  literal: boolean;
}

function scopeOf(hit: Hit, codes: Uint16Array, tokens: ScannedTokens, pass: MatchPass): Scope {
  const first = hit.first;
  const clause = tokens.clause[first];
  const sentence = tokens.sentence[first];
  const quoteIndex = tokens.quote[first] as number;
  const quote = quoteIndex >= 0 ? tokens.quotes[quoteIndex] : undefined;
  const quoted = quote !== undefined;
  const scare = quote !== undefined && quote.end - quote.first <= SCARE_QUOTE_TOKENS;
  let reported = false;
  if (pass.reporting.length > 0) {
    const reporter = within(pass.reporting, first - REPORTING_WINDOW, first - 1);
    reported = reporter >= 0 && tokens.sentence[reporter] === sentence;
  }
  let distanced = false;
  if (pass.distancing.length > 0) {
    const before = within(pass.distancing, first - DISTANCING_WINDOW, first - 1);
    const after = within(pass.distancing, hit.last + 1, hit.last + 1);
    distanced =
      (before >= 0 && tokens.clause[before] === clause) || (after >= 0 && tokens.clause[after] === clause);
  }
  let vocative = hit.vocativePrefix;
  if (!vocative && pass.vocatives.length > 0) {
    const vocativeAt = within(pass.vocatives, first - VOCATIVE_WINDOW, first - 1);
    vocative = vocativeAt >= 0 && tokens.clause[vocativeAt] === clause;
  }
  let negated = false;
  for (const { index: n, reach } of pass.negators) {
    if (n >= first || first - n > reach || tokens.clause[n] !== clause) continue;
    // غير after another negator is "except" (ما هو غير حمار), not a negation of its own.
    if (
      isToken(codes, tokens, n, GHAYR) &&
      pass.negators.some((other) => other.index < n && n - other.index <= 2)
    )
      continue;
    if (isExclamation(codes, tokens, n, first) || isRestriction(codes, tokens, n, first)) continue;
    // "لا يا حمار" (no, you donkey) is not negated: the vocative starts a new address.
    if (within(pass.vocatives, n + 1, first - 1) < 0) negated = true;
  }
  return { quoted, scare, reported, distanced, negated, vocative, literal: false };
}

/** A word with a literal sense in a literal context (farm, حمار وحشي), unless someone is addressed. */
function isLiteral(hit: Hit, tokens: ScannedTokens, pass: MatchPass, vocative: boolean): boolean {
  if (vocative) return false;
  if (pass.contextSentences.includes(tokens.sentence[hit.first] as number)) return true;
  for (const [from, to] of pass.exceptionSpans) if (from <= hit.last && to >= hit.first) return true;
  return false;
}

/**
 * Applies the scope rules to what matchTokens found and scores the comment.
 * Rules, in order: quotation and reported speech ("من يصفهم بالكلاب") are not the writer's words;
 * negation (مش، ليس، not, pas) cancels insults and stance and flips sentiment; literal context
 * (farm, zoo, حمار وحشي) cancels words marked literal unless someone is addressed (يا …);
 * scare quotes and "so-called" flip a stance naming.
 */
const NOTHING: Decision = {
  insultScore: 0,
  sentimentScore: 0,
  sentiment: "neutral",
  stance: {},
  matches: [],
};

export function decide(tokens: ScannedTokens, pass: MatchPass): Decision {
  if (pass.hits.length === 0) return { ...NOTHING, stance: {}, matches: [] };
  const matches: ClassifierMatch[] = [];
  // Small parallel arrays rather than Maps: a comment has a handful of hits.
  const abuseTerms: string[] = [];
  const abuseWeights: number[] = [];
  let sentimentSum = 0;
  const sentimentSentences: number[] = [];
  const sentimentValues: number[] = [];
  const stanceSum = [0, 0, 0, 0];
  const stanceSeen = [false, false, false, false];
  const mentions: { hit: Hit; target: StanceTarget; weight: number; scope: Scope; term: string }[] = [];
  const addStance = (target: StanceTarget, value: number) => {
    const index = STANCE_TARGETS.indexOf(target);
    stanceSum[index] = (stanceSum[index] as number) + value;
    stanceSeen[index] = true;
  };
  const sentenceSentiment = (sentence: number) => {
    const index = sentimentSentences.indexOf(sentence);
    return index < 0 ? 0 : (sentimentValues[index] as number);
  };

  const spanOf = (hit: Hit) => ({
    start: tokens.origStart[hit.first] as number,
    end: tokens.origEnd[hit.last] as number,
  });
  const addSentiment = (hit: Hit, value: number) => {
    sentimentSum += value;
    const sentence = tokens.sentence[hit.first] as number;
    const index = sentimentSentences.indexOf(sentence);
    if (index < 0) {
      sentimentSentences.push(sentence);
      sentimentValues.push(value);
    } else sentimentValues[index] = (sentimentValues[index] as number) + value;
  };

  for (const hit of pass.hits) {
    const span = spanOf(hit);
    const scope = scopeOf(hit, tokens.codes, tokens, pass);
    for (const compiled of hit.entries) {
      const { entry } = compiled;
      const category = entry.category;
      if (compiled.abusive) {
        let rule: MatchRule | undefined;
        if (scope.quoted) rule = "quoted";
        else if (scope.reported || scope.distanced) rule = "reported";
        else if (scope.negated) rule = "negated";
        else if (compiled.literal && isLiteral(hit, tokens, pass, scope.vocative)) rule = "literal";
        else if (scope.vocative) rule = "vocative";
        matches.push(match(entry.term, category, span, rule));
        if (rule && rule !== "vocative") continue;
        const weight = Math.min(0.99, entry.weight * (scope.vocative ? VOCATIVE_BOOST : 1));
        // Repeating one word is not more evidence: each term counts once, at its strongest.
        const known = abuseTerms.indexOf(entry.term);
        if (known < 0) {
          abuseTerms.push(entry.term);
          abuseWeights.push(weight);
        } else abuseWeights[known] = Math.max(abuseWeights[known] as number, weight);
        addSentiment(hit, -ABUSE_SENTIMENT * entry.weight);
      } else if (category === "positive" || category === "negative") {
        let rule: MatchRule | undefined;
        if (scope.quoted) rule = "quoted";
        else if (scope.reported) rule = "reported";
        else if (scope.negated) rule = "negated";
        matches.push(match(entry.term, category, span, rule));
        if (rule === "quoted" || rule === "reported") continue;
        let value = category === "positive" ? entry.weight : -entry.weight;
        for (const intensifier of pass.intensifiers) {
          const near =
            (intensifier.index < hit.first && hit.first - intensifier.index <= INTENSIFIER_WINDOW) ||
            (intensifier.index > hit.last && intensifier.index - hit.last <= INTENSIFIER_WINDOW);
          if (near && tokens.clause[intensifier.index] === tokens.clause[hit.first]) {
            value *= intensifier.weight;
          }
        }
        if (rule === "negated") value *= category === "positive" ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
        addSentiment(hit, value);
      } else if (category === "stance" && entry.target && entry.side) {
        let side: StanceSide = entry.side;
        let rule: MatchRule | undefined;
        if (scope.reported) rule = "reported";
        else if (scope.quoted && !scope.scare) rule = "quoted";
        else if (scope.negated) rule = "negated";
        else if (scope.scare) rule = "scare-quotes";
        else if (scope.distanced) rule = "so-called";
        if (rule === "scare-quotes" || rule === "so-called") side = side === "favor" ? "against" : "favor";
        matches.push(match(entry.term, category, span, rule, entry.target, side));
        if (rule === "reported" || rule === "quoted" || rule === "negated") continue;
        const signed = side === "favor" ? entry.weight : -entry.weight;
        addStance(entry.target, signed);
        sentimentSum += signed * STANCE_SENTIMENT;
      } else if (category === "entity" && entry.target) {
        mentions.push({ hit, target: entry.target, weight: entry.weight, scope, term: entry.term });
      }
    }
  }

  // A named target takes the sentiment of its sentence: "بوتين مجرم" is against Russia.
  for (const mention of mentions) {
    // Scare quotes or "so-called" around a party's name deny it: ما يسمى "المعارضة المعتدلة".
    if ((mention.scope.scare && !mention.scope.reported) || mention.scope.distanced) {
      const rule: MatchRule = mention.scope.scare ? "scare-quotes" : "so-called";
      addStance(mention.target, -mention.weight * DENIED_NAME);
      matches.push(match(mention.term, "entity", spanOf(mention.hit), rule, mention.target, "against"));
      continue;
    }
    if (mention.scope.quoted || mention.scope.reported) continue;
    const sentiment = sentenceSentiment(tokens.sentence[mention.hit.first] as number);
    if (Math.abs(sentiment) < SENTIMENT_THRESHOLD * 0.5) continue;
    const side: StanceSide = sentiment > 0 ? "favor" : "against";
    const signed = Math.sign(sentiment) * Math.min(1, Math.abs(sentiment)) * mention.weight * MENTION_FACTOR;
    addStance(mention.target, signed);
    matches.push(match(mention.term, "entity", spanOf(mention.hit), "mention", mention.target, side));
  }

  let notInsult = 1;
  for (const weight of abuseWeights) notInsult *= 1 - weight;
  const stance: Partial<Record<StanceTarget, StanceSide>> = {};
  for (let index = 0; index < STANCE_TARGETS.length; index++) {
    if (!stanceSeen[index]) continue;
    const sum = stanceSum[index] as number;
    const target = STANCE_TARGETS[index] as StanceTarget;
    if (sum >= STANCE_THRESHOLD) stance[target] = "favor";
    else if (sum <= -STANCE_THRESHOLD) stance[target] = "against";
  }
  const sentiment: SentimentLabel =
    sentimentSum >= SENTIMENT_THRESHOLD
      ? "positive"
      : sentimentSum <= -SENTIMENT_THRESHOLD
        ? "negative"
        : "neutral";
  if (!inOrder(matches)) matches.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    insultScore: round(1 - notInsult),
    sentimentScore: round(sentimentSum / (Math.abs(sentimentSum) + 1)),
    sentiment,
    stance,
    matches,
  };
}

function match(
  term: string,
  category: LexiconCategory,
  span: { start: number; end: number },
  rule: MatchRule | undefined,
  target?: StanceTarget,
  side?: StanceSide,
): ClassifierMatch {
  const result: ClassifierMatch = target
    ? { term, category, target, side, start: span.start, end: span.end }
    : { term, category, start: span.start, end: span.end };
  if (rule) result.rule = rule;
  return result;
}

function inOrder(matches: ClassifierMatch[]): boolean {
  for (let i = 1; i < matches.length; i++) {
    const a = matches[i - 1] as ClassifierMatch;
    const b = matches[i] as ClassifierMatch;
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
