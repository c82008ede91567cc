/**
 * Throughput of Raqib's classifier against the npm `sentiment` package (English AFINN word
 * scoring: one pass of lexicon lookup, a speed baseline) on the same 100,000 comments, in one
 * process. Prints comments/s for both and the ratio. Not a test: figures vary by machine.
 *
 *   npx tsx bench/classify/run.ts [--count 100000] [--rounds 3] [--corpus generated|osact|mixed]
 *
 * Corpora (both sides always get the same texts):
 * - generated (default): news comments assembled from pieces (corpus.ts): MSA, dialects,
 *   Arabizi, French, English and the hard cases, dense in lexicon words (4.5 matches a
 *   comment), but with a small vocabulary (about 220 distinct words);
 * - osact: the 7,000 real Arabic tweets of bench/data/osact2020 (dialects, emoji, @USER, URL),
 *   repeated to the count: a real vocabulary (about 30,000 distinct words per 20,000 texts);
 * - mixed: generated comments and OSACT tweets taken in turn.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import Sentiment from "sentiment";
import { classify } from "../../lib/classifier/classify.ts";
import { defaultLexicon } from "../../lib/classifier/default-lexicon.ts";
import { parseOsactTsv } from "../../lib/eval/osact.ts";
import { generateComments } from "./corpus.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    rounds: { type: "string", default: "3" },
    corpus: { type: "string", default: "generated" },
  },
});
const count = Number(values.count);
const rounds = Number(values.rounds);

function osactTweets(): string[] {
  const file = new URL("../data/osact2020/train.tsv", import.meta.url);
  return parseOsactTsv(readFileSync(file, "utf8"), "train.tsv").map((row) => row.text);
}

function corpusTexts(name: string | undefined): string[] {
  if (name === "generated") return [...generateComments(count)];
  const tweets = osactTweets();
  if (name === "osact") return Array.from({ length: count }, (_, i) => tweets[i % tweets.length] as string);
  if (name === "mixed") {
    const generated = generateComments(Math.ceil(count / 2));
    return Array.from({ length: count }, (_, i) =>
      i % 2 === 0 ? (generated.next().value as string) : (tweets[(i >> 1) % tweets.length] as string),
    );
  }
  throw new Error(`--corpus must be generated, osact or mixed, got '${name}'`);
}

// Comments arrive as JSON (JSONL, HTTP, database rows), so both sides get flat strings parsed
// from JSON rather than the concatenated strings the generator builds.
const comments = corpusTexts(values.corpus).map((text) => JSON.parse(JSON.stringify(text)) as string);
const averageLength = comments.reduce((sum, c) => sum + c.length, 0) / comments.length;
const lexicon = defaultLexicon();
const sentiment = new Sentiment();

// Results are folded into a checksum so that neither loop can be optimised away.
function runRaqib(): number {
  let checksum = 0;
  for (const text of comments) {
    const result = classify(text, lexicon);
    checksum += result.matches.length + (result.insult ? 1 : 0);
  }
  return checksum;
}
function runSentiment(): number {
  let checksum = 0;
  for (const text of comments) checksum += sentiment.analyze(text).score;
  return checksum;
}

/** Comments per second of CPU time (user + system): steadier than wall time on a shared machine. */
function measure(run: () => number): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return comments.length / ((used.user + used.system) / 1e6);
}

// Warm-up: let both reach optimised code before timing.
for (const text of comments.slice(0, 20_000)) {
  classify(text, lexicon);
  sentiment.analyze(text);
}
const raqibRates: number[] = [];
const sentimentRates: number[] = [];
for (let round = 0; round < rounds; round++) {
  // Alternate the order so that neither side always runs on a warmer or colder heap.
  if (round % 2 === 0) {
    raqibRates.push(measure(runRaqib));
    sentimentRates.push(measure(runSentiment));
  } else {
    sentimentRates.push(measure(runSentiment));
    raqibRates.push(measure(runRaqib));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const raqib = median(raqibRates);
const baseline = median(sentimentRates);
console.log(
  `${comments.length} ${values.corpus} comments (mean ${averageLength.toFixed(0)} characters), median of ${rounds} rounds, node ${process.version}`,
);
console.log(
  `raqib classify (insult + sentiment + stance + spans): ${Math.round(raqib).toLocaleString("en")} comments/s`,
);
console.log(
  `npm sentiment (AFINN word scoring):                   ${Math.round(baseline).toLocaleString("en")} comments/s`,
);
console.log(`ratio raqib / sentiment: ${(raqib / baseline).toFixed(2)}× (target ≥ 1.0×)`);
