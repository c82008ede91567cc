import {
  LEXICON_CATEGORIES,
  LEXICON_FLAGS,
  LEXICON_LANGUAGES,
  STANCE_TARGETS,
} from "@/lib/classifier/types.ts";
import { categoryLabels, sideLabels, targetLabels } from "@/lib/i18n/classifier-labels.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import type { LexiconText } from "@/lib/i18n/lexicon-messages.ts";
import { intlLocale, type Locale } from "@/lib/i18n/messages.ts";
import type { EntryFormLabels } from "./entry-form.tsx";

export function percent(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 1 }).format(
    value,
  );
}

export function decimal(locale: Locale, value: number, digits = 3): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

export { formatNumber };

/** Options of the entry form's selects, in the reader's language. */
export function entryOptions(locale: Locale, t: LexiconText) {
  return {
    categories: LEXICON_CATEGORIES.map((c) => ({ value: c, label: `${categoryLabels[locale][c]} (${c})` })),
    languages: LEXICON_LANGUAGES.map((l) => ({ value: l, label: l })),
    targets: STANCE_TARGETS.map((x) => ({ value: x, label: targetLabels[locale][x] })),
    sides: (["favor", "against"] as const).map((x) => ({ value: x, label: sideLabels[locale][x] })),
    flagOptions: LEXICON_FLAGS.map((f) => ({ value: f, label: t(`flag_${f}`) })),
  };
}

export function entryFormLabels(t: LexiconText, title: string, submit: string): EntryFormLabels {
  return {
    title,
    term: t("term"),
    category: t("category"),
    weight: t("weight"),
    language: t("language"),
    target: t("target"),
    side: t("side"),
    none: t("none"),
    flags: t("flags"),
    note: t("note"),
    submit,
    cancel: t("cancelEdit"),
  };
}
