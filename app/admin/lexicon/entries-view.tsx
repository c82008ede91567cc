import Link from "next/link";
import { LEXICON_CATEGORIES, type StanceSide, type StanceTarget } from "@/lib/classifier/types.ts";
import { categoryLabels, sideLabels, targetLabels } from "@/lib/i18n/classifier-labels.ts";
import { type LexiconText, lexiconText } from "@/lib/i18n/lexicon-messages.ts";
import type { Locale } from "@/lib/i18n/messages.ts";
import { editEntryAction, revertEntryAction } from "@/lib/lexicon/lexicon-actions.ts";
import { ENTRY_ORIGINS, ENTRY_SORTS, type LexiconParams, lexiconHref } from "@/lib/lexicon/lexicon-params.ts";
import { listLexiconEntries } from "@/lib/lexicon/list-lexicon-entries.ts";
import { EntryForm } from "./entry-form.tsx";
import { EntryTable, type EntryTableRow } from "./entry-table.tsx";
import { decimal, entryFormLabels, entryOptions, formatNumber, percent } from "./shared.ts";

function tableLabels(t: LexiconText) {
  return {
    term: t("colTerm"),
    category: t("colCategory"),
    target: t("colTarget"),
    weight: t("colWeight"),
    language: t("colLanguage"),
    flags: t("colFlags"),
    note: t("colNote"),
    origin: t("colOrigin"),
    matches: t("colMatches"),
    precision: t("colPrecision"),
    exceptions: t("colExceptions"),
    actions: t("colActions"),
    pending: t("pending"),
    edit: t("edit"),
    remove: t("remove"),
    revert: t("revert"),
    empty: t("noEntries"),
    sortBy: t("sortBy"),
    caption: t("tabEntries"),
  };
}

/** Browse the draft lexicon (search, filter, sort, page), with the add/edit form for admins. */
export async function EntriesView({
  locale,
  params,
  canManage,
}: {
  locale: Locale;
  params: LexiconParams;
  canManage: boolean;
}) {
  const t = lexiconText(locale);
  const page = await listLexiconEntries(params);
  const rows: EntryTableRow[] = page.data.map((r) => ({
    ...r,
    editHref: lexiconHref({ ...params, edit: r.key }),
    categoryLabel: categoryLabels[locale][r.category as (typeof LEXICON_CATEGORIES)[number]] ?? r.category,
    targetText: r.target
      ? `${targetLabels[locale][r.target as StanceTarget] ?? r.target}${r.side ? ` · ${sideLabels[locale][r.side as StanceSide] ?? r.side}` : ""}`
      : "",
    originLabel: t(`origin_${r.origin}`),
    matchesText: formatNumber(locale, r.matches),
    precisionText:
      r.precision === null
        ? t("noPrecision")
        : t("precisionOf", {
            precision: percent(locale, r.precision),
            judged: formatNumber(locale, r.judged),
          }),
    weightText: decimal(locale, r.weight),
  }));
  const sortHrefs = Object.fromEntries(
    ENTRY_SORTS.flatMap((sort) =>
      (["asc", "desc"] as const).map((dir) => [
        `${sort}:${dir}`,
        lexiconHref({ ...params, sort, dir, page: 1 }),
      ]),
    ),
  );
  const editing = canManage && params.edit ? page.data.find((r) => r.key === params.edit) : undefined;
  const options = entryOptions(locale, t);
  const pages = Math.max(1, Math.ceil(page.count / page.pageSize));
  return (
    <section>
      <form className="filters inline" method="get" action="/admin/lexicon" data-testid="lexicon-search">
        <label>
          {t("search")}
          <input type="search" name="q" defaultValue={params.q ?? ""} dir="auto" data-testid="lexicon-q" />
        </label>
        <span className="meta">{t("searchHint")}</span>
        <label>
          {t("category")}
          <select name="category" defaultValue={params.category ?? ""}>
            <option value="">{t("allCategories")}</option>
            {LEXICON_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabels[locale][c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("origin")}
          <select name="origin" defaultValue={params.origin}>
            {ENTRY_ORIGINS.map((o) => (
              <option key={o} value={o}>
                {t(`origin_${o}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("apply")}</button>
      </form>
      <p className="meta" data-testid="entries-count">
        {t("entriesCount", { count: formatNumber(locale, page.count) })}
      </p>
      <EntryTable
        rows={rows}
        labels={tableLabels(t)}
        sort={params.sort}
        dir={params.dir}
        sortHrefs={sortHrefs}
        edit={canManage ? editEntryAction : undefined}
        revert={canManage ? revertEntryAction : undefined}
      />
      {pages > 1 && (
        <nav className="pager" aria-label={t("tabEntries")}>
          {page.page > 1 && <Link href={lexiconHref({ ...params, page: page.page - 1 })}>‹</Link>}
          <span>
            {formatNumber(locale, page.page)} / {formatNumber(locale, pages)}
          </span>
          {page.page < pages && <Link href={lexiconHref({ ...params, page: page.page + 1 })}>›</Link>}
        </nav>
      )}
      {canManage && (
        <EntryForm
          key={editing?.key ?? "new"}
          action={editEntryAction}
          testId={editing ? "edit-entry-form" : "add-entry-form"}
          lockIdentity={Boolean(editing)}
          cancelHref={editing ? lexiconHref({ ...params, edit: undefined }) : undefined}
          labels={entryFormLabels(t, editing ? t("editEntry") : t("addEntry"), t("saveEntry"))}
          initial={
            editing
              ? {
                  term: editing.term,
                  category: editing.category,
                  weight: String(editing.weight),
                  language: editing.language,
                  target: editing.target ?? "",
                  side: editing.side ?? "",
                  flags: editing.flags.split(",").filter(Boolean),
                  note: editing.note,
                }
              : undefined
          }
          {...options}
        />
      )}
    </section>
  );
}
