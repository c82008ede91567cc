import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getOptionalUser } from "@/lib/auth/get-optional-user.ts";
import { navItemsFor } from "@/lib/auth/navigation.ts";
import { ROLE_LABEL } from "@/lib/auth/role-label.ts";
import { signOutAction } from "@/lib/auth/sign-out-action.ts";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { direction, translate } from "@/lib/i18n/messages.ts";
import { setLocaleAction } from "@/lib/i18n/set-locale-action.ts";
import "./globals.css";

export const metadata: Metadata = {
  title: "رقيب · Raqib",
  description: "Comment moderation and sentiment dashboard for Arabic news sites",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, user] = await Promise.all([getLocale(), getOptionalUser()]);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <html lang={locale} dir={direction(locale)}>
      <body>
        <header className="site-header">
          <Link href={user ? "/articles" : "/sign-in"} className="brand">
            {t("appName")}
          </Link>
          <nav aria-label={t("appName")} data-testid="main-nav">
            {user &&
              navItemsFor(user.role).map((item) => (
                <Link key={item.href} href={item.href}>
                  {t(item.label)}
                </Link>
              ))}
          </nav>
          {user && (
            <div className="user-menu" data-testid="user-menu" data-role={user.role}>
              <Link href="/account" className="user-link">
                <bdi>{user.name}</bdi> · {t(ROLE_LABEL[user.role])}
              </Link>
              <form action={signOutAction}>
                <button type="submit">{t("signOut")}</button>
              </form>
            </div>
          )}
          <form action={setLocaleAction} className="lang-switch">
            <input type="hidden" name="locale" value={locale === "ar" ? "en" : "ar"} />
            <button type="submit" lang={locale === "ar" ? "en" : "ar"}>
              {t("switchLanguage")}
            </button>
          </form>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
