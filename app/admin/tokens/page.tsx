import { IDLE } from "@/lib/auth/action-state.ts";
import { listApiTokens } from "@/lib/auth/list-api-tokens.ts";
import { TOKEN_SCOPES } from "@/lib/auth/permissions.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { formatDate } from "@/lib/i18n/format.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { type MessageKey, translate } from "@/lib/i18n/messages.ts";
import { CreateTokenForm } from "./create-token-form.tsx";
import { RevokeTokenButton } from "./revoke-token-button.tsx";

export const dynamic = "force-dynamic";

const scopeLabel = {
  ingest: "scopeIngest",
  classify: "scopeClassify",
  export: "scopeExport",
} as const satisfies Record<(typeof TOKEN_SCOPES)[number], MessageKey>;

export default async function TokensPage() {
  await requireUser("users:manage");
  const [locale, tokens] = await Promise.all([getLocale(), listApiTokens()]);
  const t = (key: MessageKey) => translate(locale, key);
  return (
    <>
      <h1>{t("tokensTitle")}</h1>
      <p className="meta">{t("tokensIntro")}</p>
      {tokens.length === 0 ? (
        <p className="empty">{t("noTokens")}</p>
      ) : (
        <table className="data" data-testid="tokens-table">
          <thead>
            <tr>
              <th scope="col">{t("tokenNameLabel")}</th>
              <th scope="col">{t("colScopes")}</th>
              <th scope="col">{t("colCreated")}</th>
              <th scope="col">{t("colLastUsed")}</th>
              <th scope="col">{t("colStatus")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("revoke")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-testid="token-row" data-name={token.name}>
                <td>
                  <bdi>{token.name}</bdi>{" "}
                  <code className="meta" dir="ltr">
                    {token.prefix}…
                  </code>
                </td>
                <td dir="ltr">{token.scopes.join(", ")}</td>
                <td className="meta">
                  {formatDate(locale, token.createdAt)}
                  {token.createdBy && (
                    <>
                      {" · "}
                      <bdi>{token.createdBy.email}</bdi>
                    </>
                  )}
                </td>
                <td className="meta" data-testid="token-last-used">
                  {token.lastUsedAt ? formatDate(locale, token.lastUsedAt) : t("never")}
                </td>
                <td data-testid="token-status">{token.revokedAt ? t("statusRevoked") : t("statusActive")}</td>
                <td>
                  {!token.revokedAt && (
                    <RevokeTokenButton
                      initial={IDLE}
                      tokenId={token.id}
                      name={token.name}
                      label={t("revoke")}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("createTokenTitle")}</h2>
      <CreateTokenForm
        initial={IDLE}
        scopes={TOKEN_SCOPES.map((scope) => ({ value: scope, label: t(scopeLabel[scope]) }))}
        labels={{
          name: t("tokenNameLabel"),
          scopes: t("scopesLabel"),
          submit: t("createTokenButton"),
        }}
      />
    </>
  );
}
