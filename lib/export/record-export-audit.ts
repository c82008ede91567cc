import "server-only";
import { type AuditActor, recordAuditEvent } from "../auth/audit.ts";
import type { ExportOptions } from "./export-options.ts";

/**
 * The audit row every export leaves (category security, action `data_exported`): who, the
 * filter and options, how many rows went out, and whether the download was cut short.
 */
export async function recordExportAudit(
  actor: AuditActor,
  options: ExportOptions,
  outcome: { rows: number; via: "http" | "cli" | "page"; cancelled?: boolean },
  origin?: { ip?: string | null; userAgent?: string | null },
): Promise<void> {
  await recordAuditEvent({
    category: "security",
    action: "data_exported",
    actor,
    target: { type: "export", id: options.format },
    after: {
      via: outcome.via,
      rows: outcome.rows,
      cancelled: outcome.cancelled === true,
      options: JSON.parse(JSON.stringify(options)),
    },
    origin,
  });
}
