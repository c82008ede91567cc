import Link from "next/link";
import { type Locale, translate } from "@/lib/i18n/messages.ts";

/** Previous / "page N of M" / next, for list pages whose page number lives in the URL. */
export function Pager({
  locale,
  page,
  count,
  pageSize,
  href,
}: {
  locale: Locale;
  page: number;
  count: number;
  pageSize: number;
  href: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  if (pages <= 1) return null;
  const label = translate(locale, "pageOf", { page, pages });
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 && <Link href={href(page - 1)}>{translate(locale, "previous")}</Link>}
      <span>{label}</span>
      {page < pages && <Link href={href(page + 1)}>{translate(locale, "next")}</Link>}
    </nav>
  );
}
