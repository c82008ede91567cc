import { requestOrigin } from "./request-origin.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a state-changing request that a browser could have sent on its own (cookies ride along)
 * is refused, or null. It must come from our own pages: the browser's Sec-Fetch-Site says
 * same-origin or, where a client sends no fetch metadata, Origin equals this server's origin.
 */
export function crossSiteRefusal(request: Request): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return `cross-site request refused (Sec-Fetch-Site: ${site})`;
  const origin = request.headers.get("origin");
  if (!origin) {
    return site === "same-origin"
      ? null
      : "cross-site request refused: a cookie-authenticated write must send Origin";
  }
  const own = requestOrigin(request.headers, request.url);
  return origin === own ? null : `cross-site request refused (Origin ${origin} is not ${own})`;
}
