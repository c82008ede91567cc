import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import archiver from "archiver";
import { exportColumns } from "./export-columns.ts";
import type { ExportOptions } from "./export-options.ts";
import type { ExportRecord } from "./shape-export-record.ts";
import { type ExportRun, writeExport } from "./write-export.ts";

export const HF_SPLITS = ["train", "validation", "test"] as const;
export type HfSplit = (typeof HF_SPLITS)[number];

/** A comment's split, stable across exports and installs: sha256 of its id, 80/10/10. */
export function splitOfComment(commentId: number): HfSplit {
  const bucket = (createHash("sha256").update(String(commentId)).digest()[0] as number) % 10;
  return bucket < 8 ? "train" : bucket === 8 ? "validation" : "test";
}

interface DatasetStats {
  rows: Record<HfSplit, number>;
  insult: Record<string, number>;
  sentiment: Record<string, number>;
  labels: number;
  lexiconVersions: Set<string>;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function datasetCard(stats: DatasetStats, options: ExportOptions): string {
  const table = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort()
      .map(([k, n]) => `| ${k} | ${n} |`)
      .join("\n") || "| (none) | 0 |";
  const total = HF_SPLITS.reduce((n, s) => n + stats.rows[s], 0);
  return `---
license: other # TODO: choose the licence under which this data may be shared
language:
- ar
task_categories:
- text-classification
configs:
- config_name: default
  data_files:
${HF_SPLITS.map((s) => `  - split: ${s}\n    path: data/${s}.jsonl`).join("\n")}
---

# Raqib moderation export

Comments from Arabic news sites with the Raqib classifier's output and the moderators' labels,
exported ${new Date().toISOString()} by Raqib (one ${options.rows === "comment" ? "row per comment" : "row per (comment, annotator)"}).

**Licence:** _to be filled in by the publisher_ (the comments' authors and the news sites keep their rights).

## Splits

Split by a stable hash of the comment id (sha256, 80/10/10), so a comment stays in its split across exports.

| split | rows |
|---|---|
${HF_SPLITS.map((s) => `| ${s} | ${stats.rows[s]} |`).join("\n")}
| total | ${total} |

## Label counts (moderators' consensus)

Human labels: ${stats.labels}. Annotators are ${options.annotators === "id" ? "named by their Raqib user id" : "pseudonymised (HMAC of the user id with this install's secret salt)"}.

| consensus insult | comments |
|---|---|
${table(stats.insult)}

| consensus sentiment | comments |
|---|---|
${table(stats.sentiment)}

## Lexicon version

${[...stats.lexiconVersions].sort().join(", ") || "(unclassified)"}

## Fields

${exportColumns(options.rows)
  .map((c) => `- \`${c.name}\``)
  .join("\n")}

In the JSONL files the classifier's output is nested under \`classifier\`, the labels under
\`labels\` (or \`label\`, one per row), and the consensus under \`consensus\`.
`;
}

/**
 * A Hugging Face–style dataset folder (data/{train,validation,test}.jsonl + README.md card),
 * zipped as a stream. Each split is one cursor pass over the export, keeping its comments, so
 * memory stays flat; the card is written last, from the counts gathered on the way.
 */
export function writeHfDataset(options: ExportOptions, run: ExportRun): Readable {
  const jsonl: ExportOptions = { ...options, format: "jsonl" };
  const stats: DatasetStats = {
    rows: { train: 0, validation: 0, test: 0 },
    insult: {},
    sentiment: {},
    labels: 0,
    lexiconVersions: new Set(),
  };
  const archive = archiver("zip", { zlib: { level: 6 } });
  const total = { rows: 0 };
  const splitText = async function* (split: HfSplit) {
    const written = { rows: 0 };
    const keep = (record: ExportRecord) => {
      if (splitOfComment(record.comment_id) !== split) return false;
      if (record.annotators > 0) {
        bump(stats.insult, String(record.consensus.insult ?? "no majority"));
        bump(stats.sentiment, String(record.consensus.sentiment ?? "no majority"));
      }
      stats.labels += record.labels.length;
      if (record.classifier.lexicon_version) stats.lexiconVersions.add(record.classifier.lexicon_version);
      return true;
    };
    for await (const chunk of writeExport(jsonl, {
      ...run,
      keep,
      written,
      onProgress: (n) => run.onProgress?.(total.rows + n),
    }))
      yield chunk;
    stats.rows[split] = written.rows;
    total.rows += written.rows;
    if (run.written) run.written.rows = total.rows;
  };
  // One entry at a time: the card is appended only once every split has been written, since
  // archiver may start reading a stream as soon as it is appended.
  const build = async () => {
    for (const split of HF_SPLITS) {
      const done = new Promise<void>((resolve) => archive.once("entry", () => resolve()));
      archive.append(Readable.from(splitText(split)), { name: `data/${split}.jsonl` });
      await done;
    }
    archive.append(Buffer.from(datasetCard(stats, options), "utf8"), { name: "README.md" });
    await archive.finalize();
  };
  build().catch((error: Error) => archive.destroy(error));
  return archive;
}
