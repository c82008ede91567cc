import Link from "next/link";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { translate } from "@/lib/i18n/messages.ts";

export default async function NotFound() {
  const locale = await getLocale();
  return (
    <div className="empty">
      <p>{translate(locale, "notFound")}</p>
      <Link href="/articles">{translate(locale, "backToArticles")}</Link>
    </div>
  );
}
