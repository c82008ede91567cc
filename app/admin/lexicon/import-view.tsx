import { lexiconText } from "@/lib/i18n/lexicon-messages.ts";
import type { Locale } from "@/lib/i18n/messages.ts";
import { importTsvAction } from "@/lib/lexicon/lexicon-actions.ts";
import { ActionForm } from "./action-form.tsx";

/** TSV downloads for everyone who may see the lexicon; the import form for admins. */
export function ImportView({ locale, canManage }: { locale: Locale; canManage: boolean }) {
  const t = lexiconText(locale);
  return (
    <section className="stack">
      <h2>{t("exportTitle")}</h2>
      <ul>
        <li>
          <a href="/admin/lexicon/export?version=published" download data-testid="export-published">
            {t("exportPublished")}
          </a>
        </li>
        {canManage && (
          <li>
            <a href="/admin/lexicon/export?version=draft" download data-testid="export-draft">
              {t("exportDraft")}
            </a>
          </li>
        )}
        <li>
          <a href="/admin/lexicon/export?version=files" download>
            {t("exportFiles")}
          </a>
        </li>
      </ul>
      {canManage && (
        <>
          <h2>{t("importTitle")}</h2>
          <p className="meta">{t("importHint")}</p>
          <ActionForm
            action={importTsvAction}
            label={t("importSubmit")}
            testId="import-form"
            className="stack"
          >
            <label>
              {t("importFile")}
              <input type="file" name="file" accept=".tsv,text/tab-separated-values,text/plain" required />
            </label>
            <label>
              <input type="checkbox" name="atomic" /> {t("importAtomic")}
            </label>
          </ActionForm>
        </>
      )}
    </section>
  );
}
