import Link from "next/link";
import type { ReactNode } from "react";
import type { ChartSpec } from "@/lib/analytics/chart-spec.ts";
import type { AnalyticsText } from "@/lib/i18n/analytics-messages.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import { direction, intlLocale, type Locale } from "@/lib/i18n/messages.ts";
import { Chart } from "./chart.tsx";

interface ChartCardProps {
  id: string;
  title: string;
  spec: ChartSpec;
  /** Why the chart is empty, in the user's words, when it is. */
  emptyText: string;
  locale: Locale;
  t: AnalyticsText;
  /** Controls above the chart (e.g. a sort switch). */
  controls?: ReactNode;
  note?: string;
}

/** One chart: title and units, the canvas, downloads, the same numbers as a table, or why it is empty. */
export function ChartCard({ id, title, spec, emptyText, locale, t, controls, note }: ChartCardProps) {
  const headingId = `chart-${id}-title`;
  return (
    <section className="chart-card" aria-labelledby={headingId} data-testid={`chart-${id}`}>
      <h2 id={headingId}>{title}</h2>
      <p className="chart-units">
        {spec.valueAxis} · {spec.categoryAxis}
      </p>
      {controls}
      {spec.empty ? (
        <p className="chart-empty" data-testid="chart-empty">
          {emptyText}
        </p>
      ) : (
        <>
          <Chart
            spec={spec}
            title={title}
            fileName={`raqib-${id}`}
            rtl={direction(locale) === "rtl"}
            intlLocale={intlLocale(locale)}
            text={{ downloadPng: t("downloadPng"), downloadCsv: t("downloadCsv") }}
          />
          <details className="chart-table">
            <summary>{t("showTable")}</summary>
            <table data-testid="chart-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  {spec.table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {spec.table.rows.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reordered on the client.
                  <tr key={r}>
                    {row.map((cell, c) => {
                      const text =
                        cell === null ? "—" : typeof cell === "number" ? formatNumber(locale, cell) : cell;
                      const href = spec.tableHrefs[r]?.[c];
                      return c === 0 ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                        <th key={c} scope="row">
                          <bdi>{text}</bdi>
                        </th>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                        <td key={c}>{href ? <Link href={href}>{text}</Link> : text}</td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      {note && <p className="chart-note">{note}</p>}
    </section>
  );
}
