import { IDLE } from "@/lib/auth/action-state.ts";
import { requireUser } from "@/lib/auth/require-user.ts";
import { ROLE_LABEL } from "@/lib/auth/role-label.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { translate } from "@/lib/i18n/messages.ts";
import { ChangePasswordForm } from "./change-password-form.tsx";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUser();
  const locale = await getLocale();
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <section className="narrow">
      <h1>{t("accountTitle")}</h1>
      <dl className="facts">
        <dt>{t("nameLabel")}</dt>
        <dd>
          <bdi>{user.name}</bdi>
        </dd>
        <dt>{t("emailLabel")}</dt>
        <dd>
          <bdi>{user.email}</bdi>
        </dd>
        <dt>{t("roleLabel")}</dt>
        <dd data-testid="account-role">{t(ROLE_LABEL[user.role])}</dd>
      </dl>
      <h2>{t("changePasswordTitle")}</h2>
      <ChangePasswordForm
        initial={IDLE}
        labels={{
          current: t("currentPassword"),
          next: t("newPassword"),
          submit: t("changePasswordButton"),
        }}
      />
    </section>
  );
}
