import "server-only";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ExportOptions } from "./export-options.ts";
import { type ExportRun, writeExport } from "./write-export.ts";
import { writeHfDataset } from "./write-hf-dataset.ts";

/**
 * Writes the export to `path` (through `<path>.partial`, renamed when complete, so a stopped
 * export never leaves a file that looks whole). Resolves to the rows written.
 */
export async function exportToFile(path: string, options: ExportOptions, run: ExportRun): Promise<number> {
  const written = run.written ?? { rows: 0 };
  const partial = `${path}.partial`;
  const source =
    options.format === "hf"
      ? writeHfDataset(options, { ...run, written })
      : Readable.from(writeExport(options, { ...run, written }));
  try {
    await pipeline(source, createWriteStream(partial), { signal: run.signal });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return written.rows;
}
