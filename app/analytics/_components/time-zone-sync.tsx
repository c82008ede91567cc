"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Tells the server the browser's time zone (a cookie), and re-renders once if it changed, so
 * day buckets are the user's days rather than UTC's.
 */
export function TimeZoneSync({ cookieName, serverZone }: { cookieName: string; serverZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverZone) return;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie; the Cookie Store API is not in every browser Raqib supports.
    document.cookie = `${cookieName}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [cookieName, serverZone, router]);
  return null;
}
