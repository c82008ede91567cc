import { requireUser } from "@/lib/auth/require-user.ts";
import { countExportRows } from "@/lib/export/count-export-rows.ts";
import { exportOptionsToQuery, parseExportOptions } from "@/lib/export/export-options.ts";
import { exportSalt } from "@/lib/export/export-salt.ts";
import { previewExportRows } from "@/lib/export/preview-export-rows.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { type MessageKey, translate } from "@/lib/i18n/messages.ts";
import { QUEUES, STATUSES } from "@/lib/moderation/queue-params.ts";

export const dynamic = "force-dynamic";

/** Queue filters the form below has no field for: carried as hidden inputs ("Export these"). */
const CARRIED = [
  "insult",
  "scoreMin",
  "scoreMax",
  "sentiment",
  "stanceTarget",
  "stanceSide",
  "source",
  "article",
  "language",
  "labelled",
  "labelledBy",
] as const;

function cellText(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

export default async function ExportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("export");
  const locale = await getLocale();
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const parsed = parseExportOptions(await searchParams);
  if (!parsed.ok) {
    return (
      <>
        <h1>{t("exportTitle")}</h1>
        <p className="error" role="alert">
          {t("exportBadParams", {
            params: parsed.problems.map((p) => `${p.param}: ${p.message}`).join("; "),
          })}
        </p>
      </>
    );
  }
  const options = parsed.options;
  const [count, preview] = await Promise.all([
    countExportRows(options, user.id),
    previewExportRows(options, { viewerId: user.id, salt: await exportSalt(), limit: 10 }),
  ]);
  const download = `/api/v1/export?${exportOptionsToQuery(options)}`;
  return (
    <>
      <h1>{t("exportTitle")}</h1>
      <p className="meta">{t("exportIntro")}</p>
      <form method="get" className="filters" data-testid="export-form">
        {CARRIED.map((key) =>
          options[key] === undefined ? null : (
            <input key={key} type="hidden" name={key} value={String(options[key])} />
          ),
        )}
        <label>
          {t("exportFormat")}
          <select name="format" defaultValue={options.format}>
            <option value="csv">CSV</option>
            <option value="jsonl">JSONL</option>
            <option value="hf">Hugging Face (zip)</option>
          </select>
        </label>
        <label>
          {t("exportRowsPer")}
          <select name="rows" defaultValue={options.rows}>
            <option value="comment">{t("exportRowsComment")}</option>
            <option value="annotator">{t("exportRowsAnnotator")}</option>
          </select>
        </label>
        <label>
          {t("exportAnnotators")}
          <select name="annotators" defaultValue={options.annotators}>
            <option value="pseudonym">{t("exportAnnotatorsPseudonym")}</option>
            <option value="id">{t("exportAnnotatorsId")}</option>
          </select>
        </label>
        <label>
          {t("exportQueue")}
          <select name="queue" defaultValue={options.queue}>
            {QUEUES.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("exportStatus")}
          <select name="status" defaultValue={options.status ?? ""}>
            <option value="">{t("exportAny")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("exportFrom")}
          <input name="from" type="date" defaultValue={options.from ?? ""} />
        </label>
        <label>
          {t("exportTo")}
          <input name="to" type="date" defaultValue={options.to ?? ""} />
        </label>
        <label>
          {t("exportSearch")}
          <input name="q" type="search" defaultValue={options.q ?? ""} />
        </label>
        <label>
          <input type="checkbox" name="labelledOnly" value="yes" defaultChecked={options.labelledOnly} />
          {t("exportLabelledOnly")}
        </label>
        <label>
          <input type="checkbox" name="decidedOnly" value="yes" defaultChecked={options.decidedOnly} />
          {t("exportDecidedOnly")}
        </label>
        <label>
          <input type="checkbox" name="bom" value="yes" defaultChecked={options.bom} />
          {t("exportBom")}
        </label>
        <button type="submit">{t("exportApply")}</button>
      </form>
      <p data-testid="export-count">{t("exportRowCount", { count: formatNumber(locale, count) })}</p>
      <p>
        <a href={download} download data-testid="export-download" className="button">
          {t("exportDownload")}
        </a>
      </p>
      <h2>{t("exportPreviewHeading")}</h2>
      {preview.rows.length === 0 ? (
        <p className="empty">{t("exportPreviewEmpty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="export-preview">
            <thead>
              <tr>
                {preview.columns.map((c) => (
                  <th key={c} scope="col" dir="ltr">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no id in annotator mode.
                <tr key={i}>
                  {row.map((value, j) => (
                    <td key={preview.columns[j]}>
                      <bdi>{cellText(value)}</bdi>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
