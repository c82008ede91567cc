/**
 * Writes the full classifier output (matches, spans, rules, scores) for every gold comment,
 * every OSACT tweet, 20,000 benchmark comments and 20,000 random character soups, one JSON line
 * each, so that a change meant to be behaviour-preserving (a speed-up) can be checked against
 * the output of the code before it:
 *
 *   npx tsx bench/classify/snapshot.ts > /tmp/before.jsonl   # on the old code
 *   npx tsx bench/classify/snapshot.ts > /tmp/after.jsonl    # on the new code
 *   cmp /tmp/before.jsonl /tmp/after.jsonl
 */
import { readFileSync } from "node:fs";
import { classify } from "../../lib/classifier/classify.ts";
import { defaultLexicon } from "../../lib/classifier/default-lexicon.ts";
import { parseGoldJsonl } from "../../lib/eval/gold.ts";
import { parseOsactTsv } from "../../lib/eval/osact.ts";
import { generateComments } from "./corpus.ts";

const root = new URL("../../", import.meta.url);
const texts: string[] = [];
for (const name of ["bench/gold/dev.jsonl", "bench/gold/heldout.jsonl"]) {
  for (const item of parseGoldJsonl(readFileSync(new URL(name, root), "utf8"), name)) texts.push(item.text);
}
const osact = parseOsactTsv(readFileSync(new URL("bench/data/osact2020/train.tsv", root), "utf8"));
for (const row of osact) texts.push(row.text);
for (const text of generateComments(20_000, 7)) texts.push(text);

// Random soups of the characters the scanner treats specially, with lexicon words mixed in, so
// that edge cases (marks, elongation, spaced letters, quotes, emoji, surrogates) are compared too.
let state = 12345;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const lexicon = defaultLexicon();
const words = lexicon.entries.map((e) => e.term);
const pieces = [
  " ",
  " ",
  " ",
  ".",
  "،",
  ",",
  '"',
  "«",
  "»",
  "-",
  "؟",
  "\n",
  "ـ",
  "ً",
  "ّ",
  "ا",
  "ل",
  "و",
  "ي",
  "ب",
  "ح",
  "م",
  "ر",
  "ك",
  "يا ",
  "ال",
  "a",
  "7",
  "3",
  "😡",
  "👍🏽",
  "\u200c",
  "ﻻ",
  "ﷺ",
  "\ud800",
  "É",
  "x",
  "s",
  "ااا",
  "مش ",
  "لا ",
  "ما ",
  "ليس ",
  "not ",
  "جدا ",
];
for (let i = 0; i < 20_000; i++) {
  const parts: string[] = [];
  const n = 1 + Math.floor(random() * 25);
  for (let k = 0; k < n; k++) {
    const roll = random();
    if (roll < 0.35) parts.push(words[Math.floor(random() * words.length)] as string);
    else parts.push(pieces[Math.floor(random() * pieces.length)] as string);
  }
  const text = parts.join(random() < 0.5 ? " " : "");
  if (text.trim() !== "") texts.push(text);
}

const out: string[] = [];
for (const text of texts) out.push(JSON.stringify(classify(text, lexicon)));
process.stdout.write(`${out.join("\n")}\n`);
process.stderr.write(`${texts.length} texts\n`);
