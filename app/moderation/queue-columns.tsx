import type { ColumnDef } from "@tanstack/react-table";
import { sentimentLabels } from "@/lib/i18n/classifier-labels.ts";
import { formatDate, formatNumber } from "@/lib/i18n/format.ts";
import { type Locale, type MessageKey, translate } from "@/lib/i18n/messages.ts";
import type { QueueRow } from "@/lib/moderation/list-queue.ts";
import type { QueueColumn } from "@/lib/moderation/queue-prefs.ts";

const STATUS_KEY: Record<QueueRow["status"], MessageKey> = {
  pending: "statusPending",
  approved: "statusApproved",
  rejected: "statusRejected",
  escalated: "statusEscalated",
};

export const COLUMN_TITLE: Record<QueueColumn, MessageKey> = {
  id: "colId",
  comment: "colComment",
  author: "colAuthor",
  article: "colArticle",
  status: "colStatus",
  insultScore: "colScore",
  sentiment: "colSentiment",
  language: "colLanguage",
  postedAt: "colPosted",
  labels: "colLabels",
};

/** The queue's columns. `id`, `postedAt` and `insultScore` sort on the server (the allow-list). */
export function getQueueColumns(
  locale: Locale,
  options: {
    selectable: boolean;
    isSelected: (id: number) => boolean;
    onToggle: (row: QueueRow) => void;
    onOpen: (row: QueueRow) => void;
  },
): ColumnDef<QueueRow, unknown>[] {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const columns: ColumnDef<QueueRow, unknown>[] = [
    {
      id: "id",
      accessorKey: "id",
      header: t("colId"),
      enableSorting: true,
      meta: { className: "num" },
      cell: ({ row }) => formatNumber(locale, row.original.id),
    },
    {
      id: "comment",
      header: t("colComment"),
      enableSorting: false,
      cell: ({ row }) => (
        <div className="excerpt">
          <button
            type="button"
            className="link"
            data-testid="open-comment"
            aria-label={t("openComment", { id: row.original.id })}
            onClick={(event) => {
              event.stopPropagation();
              options.onOpen(row.original);
            }}
          >
            {row.original.title ? <bdi className="comment-title">{row.original.title}</bdi> : null}
            <bdi dir="auto">{row.original.excerpt}</bdi>
          </button>
        </div>
      ),
    },
    {
      id: "author",
      header: t("colAuthor"),
      enableSorting: false,
      cell: ({ row }) => <bdi>{row.original.author ?? t("anonymous")}</bdi>,
    },
    {
      id: "article",
      header: t("colArticle"),
      enableSorting: false,
      cell: ({ row }) => (
        <>
          <bdi>{row.original.articleTitle}</bdi>
          {row.original.sourceName && (
            <div className="meta">
              <bdi>{row.original.sourceName}</bdi>
            </div>
          )}
        </>
      ),
    },
    {
      id: "status",
      header: t("colStatus"),
      enableSorting: false,
      cell: ({ row }) => (
        <span className={`badge status-${row.original.status}`} data-testid="row-status">
          {t(STATUS_KEY[row.original.status])}
        </span>
      ),
    },
    {
      id: "insultScore",
      accessorKey: "insultScore",
      header: t("colScore"),
      enableSorting: true,
      meta: { className: "num" },
      cell: ({ row }) =>
        row.original.insultScore === null ? (
          "—"
        ) : (
          <span className={row.original.insult ? "score insult" : "score"}>
            {formatNumber(locale, Math.round(row.original.insultScore * 100))}%
          </span>
        ),
    },
    {
      id: "sentiment",
      header: t("colSentiment"),
      enableSorting: false,
      cell: ({ row }) => (row.original.sentiment ? sentimentLabels[locale][row.original.sentiment] : "—"),
    },
    {
      id: "language",
      header: t("colLanguage"),
      enableSorting: false,
      cell: ({ row }) => row.original.language ?? "—",
    },
    {
      id: "postedAt",
      accessorKey: "postedAt",
      header: t("colPosted"),
      enableSorting: true,
      cell: ({ row }) => (row.original.postedAt ? formatDate(locale, new Date(row.original.postedAt)) : "—"),
    },
    {
      id: "labels",
      header: t("colLabels"),
      enableSorting: false,
      meta: { className: "num" },
      cell: ({ row }) => formatNumber(locale, row.original.labelCount),
    },
  ];
  if (!options.selectable) return columns;
  return [
    {
      id: "select",
      header: t("colSelect"),
      enableSorting: false,
      cell: ({ row }) => (
        <input
          type="checkbox"
          data-testid="select-row"
          aria-label={t("selectRow", { id: row.original.id })}
          checked={options.isSelected(row.original.id)}
          onClick={(event) => event.stopPropagation()}
          onChange={() => options.onToggle(row.original)}
        />
      ),
    },
    ...columns,
  ];
}
