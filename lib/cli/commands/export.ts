import { userInfo } from "node:os";
import { ensureAuthSecret } from "../../auth/ensure-auth-secret.ts";
import { can, type Role } from "../../auth/permissions.ts";
import { getPool } from "../../db/pool.ts";
import { countExportRows } from "../../export/count-export-rows.ts";
import { parseExportOptions } from "../../export/export-options.ts";
import { exportToFile } from "../../export/export-to-file.ts";
import { exportSaltFrom } from "../../export/pseudonymise-annotator.ts";
import { recordExportAudit } from "../../export/record-export-audit.ts";
import { dataDir } from "../../paths.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, type Command } from "../command.ts";
import { bar, createProgressLine, formatRate } from "../progress-bar.ts";
import { withDatabase } from "../with-database.ts";

/** The queue's filters, as `--name value` options (the same names as the queue's URL). */
const FILTER_OPTIONS = [
  "queue",
  "status",
  "insult",
  "scoreMin",
  "scoreMax",
  "sentiment",
  "stanceTarget",
  "stanceSide",
  "source",
  "article",
  "language",
  "from",
  "to",
  "labelled",
  "labelledBy",
  "q",
] as const;

export const exportCommand: Command = {
  name: "export",
  summary: "export comments with their classifier output and moderators' labels (CSV, JSONL, HF zip)",
  usage: `Usage: raqib export --as EMAIL --format csv|jsonl|hf --out PATH [options] [filters]

--as EMAIL          the admin this export is made for: the account must be active and allowed
                    to export (admins); anyone else is refused (403). The audit row names both
                    the OS user (cli:<user>) and this account.
--format F          csv (RFC 4180, formula-safe), jsonl, or hf (a zipped Hugging Face dataset folder)
--out PATH          where to write (through PATH.partial, renamed when complete)
--rows comment|annotator   one row per comment (default) or per (comment, annotator) label
--annotators pseudonym|id  annotators as HMAC pseudonyms (default) or user ids
--labelled-only     only comments with at least one human label
--decided-only      only approved or rejected comments
--bom               start the CSV with a UTF-8 byte order mark (for Excel)
Filters: the moderation queue's, e.g. --queue all --status approved --from 2025-01-01 --to 2025-01-31
  ${FILTER_OPTIONS.map((f) => `--${f}`).join(" ")}`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs("export", args, {
      as: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      rows: { type: "string" },
      annotators: { type: "string" },
      "labelled-only": { type: "boolean" },
      "decided-only": { type: "boolean" },
      bom: { type: "boolean" },
      ...Object.fromEntries(FILTER_OPTIONS.map((f) => [f, { type: "string" as const }])),
    });
    if (positionals.length > 0) throw new CliError(`export: unexpected argument '${positionals[0]}'`, 2);
    if (!values.as) throw new CliError("export: --as EMAIL is required (the admin the export is for)", 2);
    if (!values.out) throw new CliError("export: --out PATH is required", 2);
    const raw: Record<string, string | undefined> = {
      format: values.format as string | undefined,
      rows: values.rows as string | undefined,
      annotators: values.annotators as string | undefined,
      labelledOnly: values["labelled-only"] ? "yes" : undefined,
      decidedOnly: values["decided-only"] ? "yes" : undefined,
      bom: values.bom ? "yes" : undefined,
    };
    for (const f of FILTER_OPTIONS) raw[f] = (values as Record<string, unknown>)[f] as string | undefined;
    const parsed = parseExportOptions(raw);
    if (!parsed.ok)
      throw new CliError(`export: ${parsed.problems.map((p) => `--${p.param}: ${p.message}`).join("; ")}`, 2);
    const options = parsed.options;
    const out = values.out;
    const email = values.as.trim().toLowerCase();
    const progress = createProgressLine(ctx.stderr, ctx.interactive);
    let started = Date.now();
    const rows = await withDatabase(ctx.env, async () => {
      // Plain SQL rather than Prisma: the export then never starts the Prisma client, which keeps
      // the command's memory low (README: export figures).
      const user = (
        await getPool().query<{ id: string; role: Role; active: boolean }>(
          `SELECT id, role::text AS role, active FROM "user" WHERE email = $1`,
          [email],
        )
      ).rows[0];
      if (!user) throw new CliError(`export: ${email}: no such user`, 2);
      if (!user.active) throw new CliError(`export: ${email} is deactivated (403)`, 3);
      if (!can(user.role, "export"))
        throw new CliError(
          `export: ${email} is ${user.role === "analyst" ? "an" : "a"} ${user.role}; only admins may export (403)`,
          3,
        );
      started = Date.now();
      const total = await countExportRows(options, user.id);
      const salt = exportSaltFrom(
        await ensureAuthSecret(ctx.env, dataDir(ctx.env)),
        ctx.env.RAQIB_EXPORT_SALT,
      );
      const written = await exportToFile(out, options, {
        viewerId: user.id,
        salt,
        onProgress: (n) =>
          progress.update(
            `${bar(total ? n / total : 1)} ${n.toLocaleString("en-US")}/${total.toLocaleString("en-US")} rows · ${formatRate(n, (Date.now() - started) / 1000)} rows/s`,
          ),
      });
      await recordExportAudit({ userId: user.id, label: `cli:${userInfo().username} as ${email}` }, options, {
        rows: written,
        via: "cli",
      });
      return written;
    });
    progress.done();
    const seconds = (Date.now() - started) / 1000;
    ctx.stdout.write(
      `Exported ${rows} row(s) as ${options.format} to ${out} (${seconds.toFixed(1)} s, ${formatRate(rows, seconds)} rows/s)\n`,
    );
    return 0;
  },
};
