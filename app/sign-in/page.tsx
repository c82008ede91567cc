import { redirect } from "next/navigation";
import { IDLE } from "@/lib/auth/action-state.ts";
import { getOptionalUser } from "@/lib/auth/get-optional-user.ts";
import { safeNextPath } from "@/lib/auth/safe-next-path.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { translate } from "@/lib/i18n/messages.ts";
import { SignInForm } from "./sign-in-form.tsx";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const [locale, user] = await Promise.all([getLocale(), getOptionalUser()]);
  if (user) redirect(safeNextPath(next));
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <section className="narrow">
      <h1>{t("signInTitle")}</h1>
      <SignInForm
        initial={IDLE}
        next={safeNextPath(next)}
        labels={{ email: t("emailLabel"), password: t("passwordLabel"), submit: t("signInButton") }}
      />
    </section>
  );
}
