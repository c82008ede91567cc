import "server-only";
import type { AuditActor } from "../auth/audit.ts";
import type { ExportOptions } from "./export-options.ts";
import { exportSalt } from "./export-salt.ts";
import { recordExportAudit } from "./record-export-audit.ts";
import { writeExport } from "./write-export.ts";
import { writeHfDataset } from "./write-hf-dataset.ts";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
  hf: "application/zip",
} as const;

function fileName(options: ExportOptions): string {
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return `raqib-export-${stamp}.${options.format === "hf" ? "zip" : options.format}`;
}

/**
 * The export as a streaming download. Rows are read from the cursor only as the client
 * reads: backpressure keeps memory flat, and when the client goes away the stream's cancel()
 * aborts the cursor, which cancels the query on the server. The audit row is written when the
 * stream ends, with the row count (and `cancelled` when it was cut short).
 */
export async function exportResponse(
  options: ExportOptions,
  who: {
    actor: AuditActor;
    viewerId: string | null;
    via: "http" | "page";
    origin?: { ip?: string | null; userAgent?: string | null };
  },
): Promise<Response> {
  const controller = new AbortController();
  const written = { rows: 0 };
  const run = { viewerId: who.viewerId, salt: await exportSalt(), signal: controller.signal, written };
  let audited = false;
  const audit = async (cancelled: boolean) => {
    if (audited) return;
    audited = true;
    await recordExportAudit(who.actor, options, { rows: written.rows, via: who.via, cancelled }, who.origin);
  };
  let iterator: AsyncIterator<Uint8Array>;
  if (options.format === "hf") {
    iterator = (writeHfDataset(options, run) as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  } else {
    const text = writeExport(options, run);
    iterator = (async function* () {
      for await (const chunk of text) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    })();
  }
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      try {
        const next = await iterator.next();
        // Cancelled while this batch was read: the stream is closed already, cancel() audits.
        if (controller.signal.aborted) return;
        if (next.done) {
          await audit(false);
          stream.close();
        } else stream.enqueue(next.value);
      } catch (error) {
        console.error("export failed:", error);
        await audit(true).catch(() => {});
        stream.error(error);
      }
    },
    async cancel() {
      controller.abort();
      await iterator.return?.(undefined);
      await audit(true).catch((error: Error) => console.error("export audit failed:", error.message));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[options.format],
      "Content-Disposition": `attachment; filename="${fileName(options)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
