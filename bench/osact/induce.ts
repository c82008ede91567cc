/**
 * Proposes lexicon candidates from the OSACT 2020 *train* split (never the validation split,
 * which splitOsact keeps aside): words and word pairs that occur mostly in offensive tweets and
 * that the current lexicon does not already know. The output is a list to review by hand, not a
 * lexicon: bench/out/osact-candidates.tsv.
 *
 *   npx tsx bench/osact/induce.ts [--min-offensive 4] [--min-precision 0.7]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { classify } from "../../lib/classifier/classify.ts";
import { normalise } from "../../lib/classifier/normalise.ts";
import { tokenise } from "../../lib/classifier/tokenise.ts";
import { parseOsactTsv, splitOsact } from "../../lib/eval/osact.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  options: {
    "min-offensive": { type: "string", default: "4" },
    "min-precision": { type: "string", default: "0.7" },
  },
});
const minOffensive = Number(values["min-offensive"]);
const minPrecision = Number(values["min-precision"]);

const rows = parseOsactTsv(readFileSync(join(root, "bench/data/osact2020/train.tsv"), "utf8"));
const { train } = splitOsact(rows);
const baseRate = train.filter((r) => r.offensive).length / train.length;

/** Candidate keys of a tweet: each Arabic word without the commonest clitics, and word pairs. */
function keysOf(text: string): Set<string> {
  const { tokens } = tokenise(normalise(text).text);
  const words = tokens
    .filter((t) => t.kind === 1 && t.norm.length >= 2)
    .map((t) => t.norm.replace(/^(يا|وال|ال|و)(?=..)/, ""));
  const keys = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) keys.add(`${words[i]} ${words[i + 1]}`);
  return keys;
}

const offensiveCount = new Map<string, number>();
const totalCount = new Map<string, number>();
for (const row of train) {
  for (const key of keysOf(row.text)) {
    totalCount.set(key, (totalCount.get(key) ?? 0) + 1);
    if (row.offensive) offensiveCount.set(key, (offensiveCount.get(key) ?? 0) + 1);
  }
}

const candidates: { key: string; offensive: number; total: number; precision: number; known: boolean }[] = [];
for (const [key, offensive] of offensiveCount) {
  const total = totalCount.get(key) ?? offensive;
  // Additive smoothing towards the base rate, so rare words need more evidence.
  const precision = (offensive + baseRate * 2) / (total + 2);
  if (offensive < minOffensive || precision < minPrecision) continue;
  const known = classify(key).matches.some((m) =>
    ["insult", "profanity", "dehumanising", "sectarian", "threat"].includes(m.category),
  );
  candidates.push({ key, offensive, total, precision, known });
}
candidates.sort((a, b) => b.offensive * b.precision - a.offensive * a.precision);
mkdirSync(join(root, "bench/out"), { recursive: true });
const lines = ["key\toffensive\ttotal\tsmoothed_precision\talready_in_lexicon"];
for (const c of candidates)
  lines.push(`${c.key}\t${c.offensive}\t${c.total}\t${c.precision.toFixed(2)}\t${c.known}`);
writeFileSync(join(root, "bench/out/osact-candidates.tsv"), `${lines.join("\n")}\n`);
console.log(
  `${train.length} train tweets, base rate ${baseRate.toFixed(3)}; ${candidates.length} candidates (${candidates.filter((c) => !c.known).length} new) → bench/out/osact-candidates.tsv`,
);
