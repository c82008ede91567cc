import { once } from "node:events";
import { type CommentRow, commentRowToJsonLine } from "./comment-row.ts";
import * as vocabulary from "./synth-vocabulary.ts";

export interface SynthOptions {
  comments: number;
  /** Number of distinct articles the comments belong to; default one per 40 comments. */
  articles?: number;
  /** PRNG seed: the same options always produce the same rows. */
  seed?: number;
  /** End of the two-year window the comments are spread over; fixed so output is reproducible. */
  until?: Date;
}

/** Share of comments that contain an insult (real Arabic news sections run at roughly 15–20%). */
export const SYNTH_INSULT_RATE = 0.17;
export const SYNTH_DEFAULT_SEED = 1;
export const SYNTH_DEFAULT_UNTIL = new Date("2026-01-01T00:00:00Z");
const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

/** mulberry32: tiny, fast and good enough for test data; not for anything secret. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function headline(pick: <T>(items: readonly T[]) => T): string {
  const [actor, gender] = pick(vocabulary.HEADLINE_ACTORS);
  const verb = pick(vocabulary.HEADLINE_VERBS);
  return `${actor} ${gender === "f" ? verb.replace(/^ي/, "ت") : verb} ${pick(vocabulary.HEADLINE_TOPICS)}`;
}

interface SynthArticle {
  source: string;
  url: string;
  title: string;
  publishedAt: number;
}

/**
 * Synthetic comments on Russia/USA/Syria news: MSA with dialect, some Arabizi, French and
 * English, lengths from one-word reactions to multi-line rants, SYNTH_INSULT_RATE insults,
 * dates spread over two years (each comment within days of its article). Lazy, so any
 * number of rows costs constant memory.
 */
export function* synthComments(options: SynthOptions): Generator<CommentRow> {
  const random = createRandom(options.seed ?? SYNTH_DEFAULT_SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const until = (options.until ?? SYNTH_DEFAULT_UNTIL).getTime();
  const articleCount = Math.max(1, options.articles ?? Math.ceil(options.comments / 40));

  // Articles are derived from their index, not stored, so a million of them cost nothing.
  const articleAt = (index: number): SynthArticle => {
    const own = createRandom(((options.seed ?? SYNTH_DEFAULT_SEED) * 7919 + index * 104729) >>> 0);
    const ownPick = <T>(items: readonly T[]): T => items[Math.floor(own() * items.length)] as T;
    const source = ownPick(vocabulary.SITES);
    return {
      source,
      url: `https://${vocabulary.SITE_HOSTS[source]}/news/${100000 + index}`,
      title: headline(ownPick),
      publishedAt: until - TWO_YEARS_MS + Math.floor(own() * (TWO_YEARS_MS - 72 * HOUR_MS)),
    };
  };

  const sentence = (): string => {
    const roll = random();
    if (roll < 0.6) return pick(vocabulary.MSA_SENTENCES);
    if (roll < 0.87) return pick(vocabulary.DIALECT_SENTENCES);
    if (roll < 0.93) return pick(vocabulary.ARABIZI_SENTENCES);
    if (roll < 0.97) return pick(vocabulary.FRENCH_SENTENCES);
    return pick(vocabulary.ENGLISH_SENTENCES);
  };

  const body = (): string => {
    const roll = random();
    let text: string;
    if (roll < 0.25) {
      text = random() < 0.6 ? pick(vocabulary.SHORT_REACTIONS) : sentence();
    } else if (roll < 0.8) {
      const count = 1 + Math.floor(random() * 3);
      const parts: string[] = [];
      for (let i = 0; i < count; i++) parts.push(sentence() + pick(vocabulary.PUNCTUATION_ENDINGS));
      text = parts.join(" ");
    } else {
      // Long comments: several sentences, sometimes over several lines.
      const count = 4 + Math.floor(random() * 6);
      const parts: string[] = [];
      for (let i = 0; i < count; i++) {
        const joiner =
          i === 0
            ? ""
            : random() < 0.2
              ? "\n"
              : ` ${random() < 0.3 ? `${pick(vocabulary.CONNECTIVES)} ` : ""}`;
        parts.push(joiner + sentence() + pick(vocabulary.PUNCTUATION_ENDINGS));
      }
      text = parts.join("");
    }
    if (random() < SYNTH_INSULT_RATE) {
      const insult = pick(vocabulary.INSULTS);
      text = random() < 0.5 ? `${insult} ${text}` : `${text} ${insult}`;
    }
    return text.trim();
  };

  const author = (): string | null => {
    const roll = random();
    if (roll < 0.1) return null;
    if (roll < 0.22) return pick(vocabulary.PEN_NAMES);
    if (roll < 0.3) return pick(vocabulary.LATIN_NAMES);
    const first = pick(vocabulary.FIRST_NAMES);
    return random() < 0.5 ? `${first} ${pick(vocabulary.SURNAMES)}` : first;
  };

  for (let i = 0; i < options.comments; i++) {
    // Squaring skews comments towards a minority of popular articles, as on real sites.
    const article = articleAt(Math.floor(random() * random() * articleCount));
    const delay = Math.min(-Math.log(1 - random()) * 10 * HOUR_MS, 60 * 24 * HOUR_MS);
    yield {
      source: article.source,
      articleUrl: article.url,
      articleTitle: article.title,
      author: author(),
      title: random() < 0.65 ? pick(vocabulary.COMMENT_TITLES) : null,
      body: body(),
      createdAt: new Date(Math.min(until, Math.floor(article.publishedAt + delay))),
    };
  }
}

/** Rows per write: large enough to keep syscalls few, small enough to keep memory flat. */
const BATCH_ROWS = 2_000;

/** Writes synthComments as JSONL to a stream, honouring backpressure. Resolves to the row count. */
export async function writeSynthJsonl(options: SynthOptions, out: NodeJS.WritableStream): Promise<number> {
  let batch: string[] = [];
  let count = 0;
  for (const row of synthComments(options)) {
    batch.push(commentRowToJsonLine(row));
    count++;
    if (batch.length === BATCH_ROWS) {
      if (!out.write(`${batch.join("\n")}\n`)) await once(out, "drain");
      batch = [];
    }
  }
  if (batch.length > 0 && !out.write(`${batch.join("\n")}\n`)) await once(out, "drain");
  return count;
}
