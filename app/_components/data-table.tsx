"use client";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import type { ReactNode } from "react";

/**
 * The one table of the app: TanStack Table with manual sorting, filtering and pagination, so
 * the server does the work and the page hands in one page of rows. Sorting goes out through
 * onSortingChange (the page puts it in the URL); columns opt in with `enableSorting`.
 */
export function DataTable<T>({
  columns,
  data,
  getRowId,
  sorting,
  onSortingChange,
  columnVisibility,
  rowSelection = {},
  activeRowId,
  onRowClick,
  sortLabel,
  empty,
  testId,
  caption,
}: {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  getRowId: (row: T) => string;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  columnVisibility?: VisibilityState;
  rowSelection?: RowSelectionState;
  activeRowId?: string | null;
  onRowClick?: (row: T) => void;
  /** Accessible name of a sort button, e.g. "Sort by Posted". */
  sortLabel: (header: string) => string;
  empty: ReactNode;
  testId?: string;
  caption?: string;
}) {
  const table = useReactTable({
    columns,
    data,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    state: { sorting, columnVisibility: columnVisibility ?? {}, rowSelection },
    onSortingChange,
    enableRowSelection: true,
  });
  if (data.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="data" data-testid={testId}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const label = flexRender(header.column.columnDef.header, header.getContext());
              const text =
                typeof header.column.columnDef.header === "string" ? header.column.columnDef.header : "";
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      className="sort"
                      onClick={header.column.getToggleSortingHandler()}
                      aria-label={sortLabel(text)}
                    >
                      {label} {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                    </button>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr
            key={row.id}
            data-row-id={row.id}
            data-active={row.id === activeRowId ? "true" : undefined}
            aria-selected={row.getIsSelected()}
            onClick={onRowClick ? () => onRowClick(row.original) : undefined}
          >
            {row.getVisibleCells().map((cell) => (
              <td
                key={cell.id}
                className={(cell.column.columnDef.meta as { className?: string } | undefined)?.className}
              >
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
