import Link from "next/link";
import { getLocale } from "@/lib/i18n/get-locale.ts";
import { translate } from "@/lib/i18n/messages.ts";

export default async function Forbidden() {
  const locale = await getLocale();
  return (
    <div className="empty" data-testid="forbidden">
      <h1>{translate(locale, "forbiddenTitle")}</h1>
      <p>{translate(locale, "forbiddenHint")}</p>
      <Link href="/articles">{translate(locale, "backToArticles")}</Link>
    </div>
  );
}
