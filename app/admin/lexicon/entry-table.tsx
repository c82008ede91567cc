"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { DataTable } from "@/app/_components/data-table.tsx";
import type { ActionState } from "@/lib/auth/action-state.ts";
import { ENTRY_SORTS, type EntrySort } from "@/lib/lexicon/lexicon-params.ts";
import type { EntryRow } from "@/lib/lexicon/list-lexicon-entries.ts";
import { ActionForm } from "./action-form.tsx";

export interface EntryTableRow extends EntryRow {
  editHref: string;
  categoryLabel: string;
  targetText: string;
  originLabel: string;
  matchesText: string;
  precisionText: string;
  weightText: string;
}

export interface EntryTableLabels {
  term: string;
  category: string;
  target: string;
  weight: string;
  language: string;
  flags: string;
  note: string;
  origin: string;
  matches: string;
  precision: string;
  exceptions: string;
  actions: string;
  pending: string;
  edit: string;
  remove: string;
  revert: string;
  empty: string;
  sortBy: string;
  caption: string;
}

/** The entry table's columns; term, category, weight, matches and precision sort on the server. */
function getEntryColumns(
  labels: EntryTableLabels,
  actions: {
    edit?: (previous: ActionState, formData: FormData) => Promise<ActionState>;
    revert?: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  },
): ColumnDef<EntryTableRow, unknown>[] {
  const columns: ColumnDef<EntryTableRow, unknown>[] = [
    {
      id: "term",
      header: labels.term,
      enableSorting: true,
      cell: ({ row }) => (
        <bdi className="lexicon-term" data-testid="entry-term-cell">
          {row.original.term}
        </bdi>
      ),
    },
    {
      id: "category",
      header: labels.category,
      enableSorting: true,
      cell: ({ row }) => row.original.categoryLabel,
    },
    {
      id: "target",
      header: labels.target,
      cell: ({ row }) => row.original.targetText,
    },
    {
      id: "weight",
      header: labels.weight,
      enableSorting: true,
      meta: { className: "num" },
      cell: ({ row }) => row.original.weightText,
    },
    { id: "language", header: labels.language, cell: ({ row }) => <bdi>{row.original.language}</bdi> },
    { id: "flags", header: labels.flags, cell: ({ row }) => row.original.flags },
    {
      id: "origin",
      header: labels.origin,
      cell: ({ row }) => (
        <>
          <span className="badge" data-testid="entry-origin">
            {row.original.originLabel}
          </span>
          {row.original.pending && (
            <span className="badge pending" data-testid="entry-pending">
              {labels.pending}
            </span>
          )}
        </>
      ),
    },
    {
      id: "matches",
      header: labels.matches,
      enableSorting: true,
      meta: { className: "num" },
      cell: ({ row }) => <span data-testid="entry-matches">{row.original.matchesText}</span>,
    },
    {
      id: "precision",
      header: labels.precision,
      enableSorting: true,
      meta: { className: "num" },
      cell: ({ row }) => <span data-testid="entry-precision">{row.original.precisionText}</span>,
    },
    {
      id: "exceptions",
      header: labels.exceptions,
      cell: ({ row }) =>
        row.original.exceptions.map((e) => (
          <bdi key={e} className="pill">
            {e}
          </bdi>
        )),
    },
    { id: "note", header: labels.note, cell: ({ row }) => <bdi className="meta">{row.original.note}</bdi> },
  ];
  const { edit, revert } = actions;
  if (edit && revert) {
    columns.push({
      id: "actions",
      header: labels.actions,
      cell: ({ row }) => {
        const r = row.original;
        return (
          <div className="row-actions">
            {r.origin !== "removed" && <Link href={r.editHref}>{labels.edit}</Link>}
            {r.origin !== "removed" && (
              <ActionForm
                action={edit}
                hidden={{
                  op: "remove",
                  term: r.term,
                  category: r.category,
                  weight: String(r.weight),
                  language: r.language,
                  target: r.target ?? "",
                  side: r.side ?? "",
                }}
                label={labels.remove}
                testId="entry-remove"
              />
            )}
            {r.origin !== "file" && (
              <ActionForm
                action={revert}
                hidden={{ key: r.key }}
                label={labels.revert}
                testId="entry-revert"
              />
            )}
          </div>
        );
      },
    });
  }
  return columns;
}

export function EntryTable({
  rows,
  labels,
  sort,
  dir,
  sortHrefs,
  edit,
  revert,
}: {
  rows: EntryTableRow[];
  labels: EntryTableLabels;
  sort: EntrySort;
  dir: "asc" | "desc";
  /** The page's address for each sortable column and direction, e.g. sortHrefs["weight:desc"]. */
  sortHrefs: Record<string, string>;
  edit?: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  revert?: (previous: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const router = useRouter();
  const sorting = [{ id: sort, desc: dir === "desc" }];
  return (
    <DataTable
      columns={getEntryColumns(labels, { edit, revert })}
      data={rows}
      getRowId={(r) => r.key}
      sorting={sorting}
      onSortingChange={(updater) => {
        const next = typeof updater === "function" ? updater(sorting) : updater;
        const first = next[0];
        const column = (ENTRY_SORTS as readonly string[]).includes(first?.id ?? "") ? first?.id : "term";
        const href = sortHrefs[`${column}:${first?.desc ? "desc" : "asc"}`];
        if (href) router.push(href);
      }}
      sortLabel={(header) => labels.sortBy.replace("{column}", header)}
      empty={labels.empty}
      testId="lexicon-table"
      caption={labels.caption}
    />
  );
}
