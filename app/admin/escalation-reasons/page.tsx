import { IDLE } from "@/lib/auth/action-state.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { formatNumber } from "@/lib/i18n/format.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { type MessageKey, translate } from "@/lib/i18n/messages.ts";
import { listAllEscalationReasons } from "@/lib/moderation/list-all-escalation-reasons.ts";
import { AddEscalationReasonForm } from "./add-escalation-reason-form.tsx";
import { EscalationReasonRow } from "./escalation-reason-row.tsx";

export const dynamic = "force-dynamic";

export default async function EscalationReasonsPage() {
  await requireUser("users:manage");
  const [locale, reasons] = await Promise.all([getLocale(), listAllEscalationReasons()]);
  const t = (key: MessageKey) => translate(locale, key);
  const rowLabels = {
    labelAr: t("reasonLabelAr"),
    labelEn: t("reasonLabelEn"),
    position: t("reasonPosition"),
    active: t("reasonActive"),
    inactive: t("reasonInactive"),
    save: t("reasonSave"),
  };
  return (
    <>
      <h1 id="reasons-title">{t("reasonsTitle")}</h1>
      <p className="meta">{t("reasonsIntro")}</p>
      {reasons.length === 0 ? (
        <p className="empty">{t("noReasons")}</p>
      ) : (
        <table className="data reasons" data-testid="reasons-table" aria-labelledby="reasons-title">
          <thead>
            <tr>
              <th scope="col">{t("reasonCode")}</th>
              <th scope="col">{t("reasonLabelAr")}</th>
              <th scope="col">{t("reasonLabelEn")}</th>
              <th scope="col">{t("reasonPosition")}</th>
              <th scope="col">{t("reasonActive")}</th>
              <th scope="col">{t("reasonDecisions")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("reasonSave")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reasons.map(({ decisionCount, ...reason }) => (
              <EscalationReasonRow
                key={reason.id}
                initial={IDLE}
                reason={reason}
                decisionCount={formatNumber(locale, decisionCount)}
                labels={rowLabels}
              />
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("addReasonTitle")}</h2>
      <AddEscalationReasonForm
        initial={IDLE}
        labels={{
          code: t("reasonCode"),
          codeHint: t("reasonCodeHint"),
          labelAr: t("reasonLabelAr"),
          labelEn: t("reasonLabelEn"),
          position: t("reasonPosition"),
          positionHint: t("reasonPositionHint"),
          submit: t("addReasonButton"),
        }}
      />
    </>
  );
}
