import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { direction, translate } from "@/lib/i18n/messages.ts";
import { setLocaleAction } from "@/lib/i18n/set-locale-action.ts";
import "./globals.css";

export const metadata: Metadata = {
  title: "رقيب · Raqib",
  description: "Comment moderation and sentiment dashboard for Arabic news sites",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <html lang={locale} dir={direction(locale)}>
      <body>
        <header className="site-header">
          <Link href="/articles" className="brand">
            {t("appName")}
          </Link>
          <nav aria-label={t("appName")}>
            <Link href="/articles">{t("navArticles")}</Link>
          </nav>
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
