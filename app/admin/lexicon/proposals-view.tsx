import type { LexiconCategory } from "@/lib/classifier/types.ts";
import { categoryLabels } from "@/lib/i18n/classifier-labels.ts";
import { formatDate } from "@/lib/i18n/format.ts";
import { lexiconText } from "@/lib/i18n/lexicon-messages.ts";
import type { Locale } from "@/lib/i18n/messages.ts";
import { decideProposalAction, proposeEntryAction } from "@/lib/lexicon/lexicon-actions.ts";
import { listProposals } from "@/lib/lexicon/proposals.ts";
import { ActionForm } from "./action-form.tsx";
import { EntryForm } from "./entry-form.tsx";
import { entryFormLabels, entryOptions } from "./shared.ts";

/** Moderators propose entries and follow their proposals; admins accept or decline every proposal. */
export async function ProposalsView({
  locale,
  canManage,
  userId,
}: {
  locale: Locale;
  canManage: boolean;
  userId: string;
}) {
  const t = lexiconText(locale);
  const proposals = await listProposals(canManage ? {} : { proposedById: userId });
  return (
    <section className="stack">
      <h2>{canManage ? t("proposalsTitle") : t("myProposals")}</h2>
      {proposals.length === 0 ? (
        <p className="empty">{t("noProposals")}</p>
      ) : (
        <table className="data" data-testid="proposals">
          <thead>
            <tr>
              <th scope="col">{t("colTerm")}</th>
              <th scope="col">{t("colCategory")}</th>
              <th scope="col">{t("reason")}</th>
              <th scope="col">{t("colBy")}</th>
              <th scope="col">{t("colState")}</th>
              {canManage && <th scope="col">{t("colActions")}</th>}
            </tr>
          </thead>
          <tbody>
            {proposals.map((p) => (
              <tr key={p.id} data-testid="proposal" data-state={p.state}>
                <td>
                  <bdi>{p.entry.term}</bdi>
                </td>
                <td>
                  {p.entry.op === "remove" ? t("opRemove") : t("opSet")} ·{" "}
                  {categoryLabels[locale][p.entry.category as LexiconCategory] ?? p.entry.category}
                  {p.entry.target ? ` · ${p.entry.target}${p.entry.side ? `/${p.entry.side}` : ""}` : ""} · w=
                  {p.entry.weight}
                </td>
                <td>
                  <bdi>{p.reason}</bdi>
                </td>
                <td className="meta">
                  <bdi>{p.proposedBy}</bdi> · {formatDate(locale, p.createdAt)}
                </td>
                <td>{t(`proposalState_${p.state}`)}</td>
                {canManage && (
                  <td className="row-actions">
                    {p.state === "pending" && (
                      <>
                        <ActionForm
                          action={decideProposalAction}
                          hidden={{ proposal: String(p.id), decision: "accept" }}
                          label={t("accept")}
                          testId="accept-proposal"
                        />
                        <ActionForm
                          action={decideProposalAction}
                          hidden={{ proposal: String(p.id), decision: "decline" }}
                          label={t("decline")}
                          testId="decline-proposal"
                        />
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!canManage && (
        <>
          <p className="meta">{t("proposeHint")}</p>
          <EntryForm
            action={proposeEntryAction}
            testId="propose-form"
            labels={{ ...entryFormLabels(t, t("proposeEntry"), t("submitProposal")), reason: t("reason") }}
            {...entryOptions(locale, t)}
          />
        </>
      )}
    </section>
  );
}
