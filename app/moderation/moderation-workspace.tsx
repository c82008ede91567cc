"use client";
import type { SortingState } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { DataTable } from "@/app/_components/data-table.tsx";
import { STANCE_TARGETS } from "@/lib/classifier/types.ts";
import { sentimentLabels, targetLabels } from "@/lib/i18n/classifier-labels.ts";
import { type Locale, type MessageKey, translate } from "@/lib/i18n/messages.ts";
import type { ModerationActionResult } from "@/lib/moderation/action-result.ts";
import type { Decision } from "@/lib/moderation/decide-comments.ts";
import { decideCommentsAction } from "@/lib/moderation/decide-comments-action.ts";
import type { StoredLabel } from "@/lib/moderation/label-comment.ts";
import { labelCommentAction } from "@/lib/moderation/label-comment-action.ts";
import type { QueueRow } from "@/lib/moderation/list-queue.ts";
import { queueHref } from "@/lib/moderation/queue-href.ts";
import type { CommentStatus, QueueParams } from "@/lib/moderation/queue-params.ts";
import { PAGE_SIZES } from "@/lib/moderation/queue-params.ts";
import {
  QUEUE_COLUMNS,
  QUEUE_PREFS_COOKIE,
  type QueueColumn,
  type QueuePrefs,
  serialiseQueuePrefs,
} from "@/lib/moderation/queue-prefs.ts";
import { undoDecisionsAction } from "@/lib/moderation/undo-decisions-action.ts";
import { COLUMN_TITLE, getQueueColumns } from "./queue-columns.tsx";

const DECISION_STATUS: Record<Decision, CommentStatus> = {
  approve: "approved",
  reject: "rejected",
  escalate: "escalated",
};

const SENTIMENT_KEYS = { "1": "positive", "2": "negative", "3": "neutral" } as const;

interface Notice {
  kind: "status" | "alert";
  text: string;
}

export interface OpenComment {
  id: number;
  version: number;
  status: CommentStatus;
  myLabel: StoredLabel | null;
}

/**
 * The queue as moderators work it: the table, keyboard shortcuts, decisions with optimistic
 * updates (rolled back with a message when the server refuses), bulk actions, undo and the
 * moderator's own labels for the open comment. The server renders the detail panel's content.
 */
export function ModerationWorkspace({
  locale,
  rows: serverRows,
  params,
  prefs,
  canDecide,
  open,
  detail,
  reasons,
  prevHref,
  nextHref,
  firstHref,
}: {
  locale: Locale;
  rows: QueueRow[];
  params: QueueParams;
  prefs: QueuePrefs;
  canDecide: boolean;
  open: OpenComment | null;
  detail: ReactNode;
  reasons: { id: number; label: string }[];
  prevHref: string | null;
  nextHref: string | null;
  firstHref: string | null;
}) {
  const t = useCallback(
    (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values),
    [locale],
  );
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [rows, setRows] = useState(serverRows);
  const [activeId, setActiveId] = useState<number | null>(open?.id ?? serverRows[0]?.id ?? null);
  const [selected, setSelected] = useState<Map<number, number>>(new Map());
  const [lastAction, setLastAction] = useState<{ id: number; version: number }[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflicts, setConflicts] = useState<string[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [reasonId, setReasonId] = useState<number | null>(null);
  const [myLabel, setMyLabel] = useState<StoredLabel | null>(open?.myLabel ?? null);
  const [openVersion, setOpenVersion] = useState<{
    id: number;
    version: number;
    status: CommentStatus;
  } | null>(open ? { id: open.id, version: open.version, status: open.status } : null);
  const [hidden, setHidden] = useState<QueueColumn[]>(prefs.hidden);
  const tableRef = useRef<HTMLDivElement>(null);

  // New server data (after a navigation or refresh) replaces the optimistic copy.
  useEffect(() => {
    setRows(serverRows);
    setActiveId((current) =>
      current !== null && serverRows.some((r) => r.id === current)
        ? current
        : (open?.id ?? serverRows[0]?.id ?? null),
    );
  }, [serverRows, open?.id]);
  useEffect(() => {
    setMyLabel(open?.myLabel ?? null);
    setOpenVersion(open ? { id: open.id, version: open.version, status: open.status } : null);
  }, [open]);

  useEffect(() => {
    if (activeId === null) return;
    const row = tableRef.current?.querySelector<HTMLElement>(`tr[data-row-id="${activeId}"]`);
    row?.scrollIntoView?.({ block: "nearest" });
  }, [activeId]);

  const openComment = useCallback(
    (id: number | null) => {
      setActiveId(id);
      router.replace(queueHref(params, { c: id }), { scroll: false });
    },
    [params, router],
  );

  const savePrefs = useCallback((next: QueuePrefs) => {
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the page on the server.
    document.cookie = `${QUEUE_PREFS_COOKIE}=${serialiseQueuePrefs(next)}; path=/; max-age=31536000; samesite=lax`;
  }, []);

  /** The comments a decision applies to: the open one, or else the active row. */
  const target = useCallback((): { id: number; version: number; status: CommentStatus } | null => {
    const id = open?.id ?? activeId;
    if (id === null) return null;
    const row = rows.find((r) => r.id === id);
    if (row) return { id: row.id, version: row.version, status: row.status };
    return openVersion && openVersion.id === id ? openVersion : null;
  }, [open?.id, activeId, rows, openVersion]);

  const applyResult = useCallback(
    (
      result: ModerationActionResult,
      rollback: () => void,
      refresh = true,
    ): { id: number; version: number }[] => {
      if (result.status === "error") {
        rollback();
        setNotice({ kind: "alert", text: result.message });
        return [];
      }
      const conflicted = new Map(result.conflicts.map((c) => [c.id, c]));
      const decided = new Map(result.decided.map((d) => [d.id, d]));
      setRows((current) =>
        current.map((r) => {
          const d = decided.get(r.id);
          if (d) return { ...r, status: d.status, version: d.version };
          const c = conflicted.get(r.id);
          return c ? { ...r, status: c.status, version: c.version } : r;
        }),
      );
      setOpenVersion((current) => {
        if (!current) return current;
        const d = decided.get(current.id) ?? conflicted.get(current.id);
        return d ? { id: current.id, version: d.version, status: d.status } : current;
      });
      setConflicts(result.conflictMessages);
      setNotice({ kind: result.conflicts.length > 0 ? "alert" : "status", text: result.message });
      if (refresh) startTransition(() => router.refresh());
      return result.decided.map((d) => ({ id: d.id, version: d.version }));
    },
    [router],
  );

  const decide = useCallback(
    async (decision: Decision, items: { id: number; version: number }[], moveOn: boolean) => {
      if (!canDecide || items.length === 0) return;
      const ids = new Set(items.map((i) => i.id));
      const before = rows;
      const status = DECISION_STATUS[decision];
      setRows((current) => current.map((r) => (ids.has(r.id) ? { ...r, status } : r)));
      setConflicts([]);
      // Focus moves on at once; the open panel follows once the server has answered (a
      // navigation started while an action is in flight can swallow the action's answer).
      let next: number | null = null;
      if (moveOn) {
        const index = rows.findIndex((r) => ids.has(r.id));
        next = rows.slice(index + 1).find((r) => !ids.has(r.id))?.id ?? null;
        setActiveId(next);
      }
      let result: ModerationActionResult;
      try {
        result = await decideCommentsAction({
          decision,
          comments: items,
          escalationReasonId: decision === "escalate" ? reasonId : null,
        });
      } catch (error) {
        result = { status: "error", message: t("actionFailed", { reason: (error as Error).message }) };
      }
      const written = applyResult(result, () => setRows(before), !(moveOn && open));
      if (written.length > 0) setLastAction(written);
      if (moveOn && open) openComment(next);
    },
    [canDecide, rows, open, openComment, reasonId, applyResult, t],
  );

  const undo = useCallback(async () => {
    if (!canDecide) return;
    if (!lastAction) {
      setNotice({ kind: "status", text: t("nothingToUndo") });
      return;
    }
    const items = lastAction;
    setLastAction(null);
    let result: ModerationActionResult;
    try {
      result = await undoDecisionsAction({ comments: items });
    } catch (error) {
      result = { status: "error", message: t("actionFailed", { reason: (error as Error).message }) };
    }
    applyResult(result, () => setLastAction(items));
  }, [canDecide, lastAction, applyResult, t]);

  const label = useCallback(
    async (changes: {
      insult?: boolean | null;
      sentiment?: StoredLabel["sentiment"];
      stance?: Record<string, "favor" | "against" | "none" | null>;
    }) => {
      if (!canDecide || !open) return;
      const before = myLabel;
      const base: StoredLabel = before ?? { insult: null, sentiment: null, stance: {} };
      const stance = { ...base.stance };
      for (const [k, v] of Object.entries(changes.stance ?? {})) {
        if (v === null) delete stance[k as keyof typeof stance];
        else stance[k as keyof typeof stance] = v;
      }
      setMyLabel({
        insult: changes.insult === undefined ? base.insult : changes.insult,
        sentiment: changes.sentiment === undefined ? base.sentiment : changes.sentiment,
        stance,
      });
      try {
        const result = await labelCommentAction({ commentId: open.id, ...changes });
        if (result.status === "error") {
          setMyLabel(before);
          setNotice({ kind: "alert", text: result.message });
          return;
        }
        setMyLabel(result.label);
        setNotice({ kind: "status", text: result.message });
        startTransition(() => router.refresh());
      } catch (error) {
        setMyLabel(before);
        setNotice({ kind: "alert", text: t("actionFailed", { reason: (error as Error).message }) });
      }
    },
    [canDecide, open, myLabel, router, t],
  );

  const bulk = useCallback(
    (decision: Decision) => {
      const items = [...selected].map(([id, version]) => ({ id, version }));
      if (items.length === 0) return;
      if (
        items.length > (params.size ?? prefs.size) &&
        !window.confirm(t("bulkConfirm", { action: t(decision), count: items.length }))
      )
        return;
      setSelected(new Map());
      void decide(decision, items, false);
    },
    [selected, params.size, prefs.size, decide, t],
  );

  const toggleSelected = useCallback((row: { id: number; version: number }) => {
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row.version);
      return next;
    });
  }, []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const el = event.target as HTMLElement | null;
      if (
        el &&
        (el.tagName === "INPUT" ||
          el.tagName === "SELECT" ||
          el.tagName === "TEXTAREA" ||
          el.isContentEditable)
      )
        return;
      const index = rows.findIndex((r) => r.id === (open?.id ?? activeId));
      const move = (delta: number) => {
        const next = rows[Math.min(rows.length - 1, Math.max(0, (index < 0 ? -delta : index) + delta))];
        if (!next) return;
        if (open) openComment(next.id);
        else setActiveId(next.id);
      };
      const current = target();
      switch (event.key) {
        case "j":
          move(1);
          break;
        case "k":
          move(-1);
          break;
        case "Enter":
        case "o":
          if (el?.tagName === "BUTTON" || el?.tagName === "A") return;
          if (activeId !== null) openComment(activeId);
          break;
        case "Escape":
          if (helpOpen) setHelpOpen(false);
          else if (open) openComment(null);
          break;
        case "?":
          setHelpOpen((v) => !v);
          break;
        case "a":
        case "r":
        case "e":
          if (current)
            void decide(
              event.key === "a" ? "approve" : event.key === "r" ? "reject" : "escalate",
              [current],
              true,
            );
          break;
        case "i":
          void label({ insult: !(myLabel?.insult ?? false) });
          break;
        case "1":
        case "2":
        case "3":
          void label({ sentiment: SENTIMENT_KEYS[event.key] });
          break;
        case "x":
          if (current) toggleSelected(current);
          break;
        case "u":
          void undo();
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, open, activeId, helpOpen, target, decide, label, myLabel, undo, toggleSelected, openComment]);

  const columns = useMemo(
    () =>
      getQueueColumns(locale, {
        selectable: canDecide,
        isSelected: (id) => selected.has(id),
        onToggle: toggleSelected,
        onOpen: (row) => openComment(row.id),
      }),
    [locale, canDecide, selected, toggleSelected, openComment],
  );
  const sorting: SortingState = [{ id: params.sort, desc: params.dir === "desc" }];
  const visibility = Object.fromEntries(hidden.map((c) => [c, false]));

  return (
    <div className={open ? "workspace with-detail" : "workspace"}>
      <section className="queue-pane" aria-label={t("moderationTitle")}>
        <div className="toolbar">
          {canDecide ? (
            <>
              <span data-testid="selected-count">{t("bulkSelected", { count: selected.size })}</span>
              <button
                type="button"
                onClick={() => bulk("approve")}
                disabled={selected.size === 0}
                data-testid="bulk-approve"
              >
                {t("bulkApprove")}
              </button>
              <button type="button" onClick={() => bulk("reject")} disabled={selected.size === 0}>
                {t("bulkReject")}
              </button>
              <button type="button" onClick={() => bulk("escalate")} disabled={selected.size === 0}>
                {t("bulkEscalate")}
              </button>
              <label>
                {t("escalationReason")}{" "}
                <select
                  value={reasonId ?? ""}
                  onChange={(e) => setReasonId(e.target.value ? Number(e.target.value) : null)}
                >
                  <option value="">{t("noReason")}</option>
                  {reasons.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => void undo()} disabled={!lastAction} data-testid="undo">
                {t("undo")}
              </button>
            </>
          ) : (
            <span className="meta" data-testid="read-only">
              {t("readOnly")}
            </span>
          )}
          <button type="button" onClick={() => setHelpOpen(true)} className="help-button">
            {t("shortcutsHint")}
          </button>
          <details className="columns-menu">
            <summary>{t("columnsLabel")}</summary>
            {QUEUE_COLUMNS.filter((c) => c !== "comment").map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={!hidden.includes(c)}
                  onChange={() => {
                    const next = hidden.includes(c) ? hidden.filter((h) => h !== c) : [...hidden, c];
                    setHidden(next);
                    savePrefs({ size: params.size ?? prefs.size, hidden: next });
                  }}
                />{" "}
                {t(COLUMN_TITLE[c])}
              </label>
            ))}
          </details>
          <label>
            {t("pageSizeLabel")}{" "}
            <select
              value={params.size ?? prefs.size}
              onChange={(e) => {
                const size = Number(e.target.value);
                savePrefs({ size, hidden });
                router.push(queueHref(params, { size: size as QueueParams["size"] }));
              }}
            >
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="notices">
          <p role="status" data-testid="notice">
            {notice?.kind === "status" ? notice.text : ""}
          </p>
          <div role="alert" data-testid="alert">
            {notice?.kind === "alert" && <p>{notice.text}</p>}
            {conflicts.map((c) => (
              <p key={c} data-testid="conflict">
                {c}
              </p>
            ))}
          </div>
        </div>
        <div ref={tableRef}>
          <DataTable
            columns={columns}
            data={rows}
            getRowId={(r) => String(r.id)}
            sorting={sorting}
            onSortingChange={(updater) => {
              const next = typeof updater === "function" ? updater(sorting) : updater;
              const first = next[0];
              router.push(
                queueHref(params, {
                  sort: (first?.id ?? "id") as QueueParams["sort"],
                  dir: first ? (first.desc ? "desc" : "asc") : "desc",
                }),
              );
            }}
            columnVisibility={visibility}
            rowSelection={Object.fromEntries([...selected.keys()].map((id) => [String(id), true]))}
            activeRowId={activeId === null ? null : String(activeId)}
            onRowClick={(row) => setActiveId(row.id)}
            sortLabel={(header) => t("sortBy", { column: header })}
            empty={t("queueEmpty")}
            testId="queue-table"
            caption={t("moderationTitle")}
          />
        </div>
        <nav className="pager" aria-label={t("pageSizeLabel")}>
          {firstHref && <a href={firstHref}>{t("firstPage")}</a>}
          {prevHref && (
            <a href={prevHref} rel="prev">
              {t("previous")}
            </a>
          )}
          {nextHref && (
            <a href={nextHref} rel="next">
              {t("next")}
            </a>
          )}
        </nav>
      </section>
      {open && (
        <aside
          className="detail-pane"
          aria-label={t("detailTitle", { id: open.id })}
          data-testid="comment-detail"
        >
          <button type="button" className="close" onClick={() => openComment(null)}>
            {t("closeDetail")}
          </button>
          {canDecide && (
            <div className="decide" data-testid="my-labels">
              <div className="decide-buttons">
                <button
                  type="button"
                  onClick={() => {
                    const c = target();
                    if (c) void decide("approve", [c], true);
                  }}
                >
                  {t("approve")} <kbd>a</kbd>
                </button>
                <button
                  type="button"
                  onClick={() => {
                    const c = target();
                    if (c) void decide("reject", [c], true);
                  }}
                >
                  {t("reject")} <kbd>r</kbd>
                </button>
                <button
                  type="button"
                  onClick={() => {
                    const c = target();
                    if (c) void decide("escalate", [c], true);
                  }}
                >
                  {t("escalate")} <kbd>e</kbd>
                </button>
              </div>
              <h3>{t("yourLabels")}</h3>
              <label>
                <input
                  type="checkbox"
                  data-testid="label-insult"
                  checked={myLabel?.insult === true}
                  onChange={() => void label({ insult: !(myLabel?.insult ?? false) })}
                />{" "}
                {t("labelInsult")} <kbd>i</kbd>
              </label>
              <fieldset>
                <legend>
                  {t("labelSentiment")} <kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd>
                </legend>
                {(["positive", "negative", "neutral"] as const).map((s) => (
                  <label key={s}>
                    <input
                      type="radio"
                      name="my-sentiment"
                      data-testid={`label-sentiment-${s}`}
                      checked={myLabel?.sentiment === s}
                      onChange={() => void label({ sentiment: s })}
                    />{" "}
                    {sentimentLabels[locale][s]}
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>{t("labelStance")}</legend>
                {STANCE_TARGETS.map((target) => (
                  <label key={target} className="stance-label">
                    {targetLabels[locale][target]}{" "}
                    <select
                      value={myLabel?.stance[target] ?? ""}
                      onChange={(e) =>
                        void label({
                          stance: {
                            [target]: (e.target.value || null) as "favor" | "against" | "none" | null,
                          },
                        })
                      }
                    >
                      <option value="">{t("notLabelled")}</option>
                      <option value="favor">{t("sideFavor")}</option>
                      <option value="against">{t("sideAgainst")}</option>
                      <option value="none">{t("sideNone")}</option>
                    </select>
                  </label>
                ))}
              </fieldset>
            </div>
          )}
          {detail}
        </aside>
      )}
      {helpOpen && (
        <div className="help-backdrop">
          <dialog open aria-labelledby="shortcuts-title" className="help" data-testid="shortcuts-help">
            <h2 id="shortcuts-title">{t("shortcutsTitle")}</h2>
            <dl>
              {(
                [
                  ["j", "scNext"],
                  ["k", "scPrev"],
                  ["Enter / o", "scOpen"],
                  ["a", "scApprove"],
                  ["r", "scReject"],
                  ["e", "scEscalate"],
                  ["i", "scInsult"],
                  ["1 / 2 / 3", "scSentiment"],
                  ["x", "scSelect"],
                  ["u", "scUndo"],
                  ["?", "scHelp"],
                  ["Esc", "scClose"],
                ] as const
              ).map(([key, text]) => (
                <div key={key}>
                  <dt>
                    <kbd>{key}</kbd>
                  </dt>
                  <dd>{t(text)}</dd>
                </div>
              ))}
            </dl>
            <button type="button" onClick={() => setHelpOpen(false)}>
              {t("closeDetail")}
            </button>
          </dialog>
        </div>
      )}
    </div>
  );
}
