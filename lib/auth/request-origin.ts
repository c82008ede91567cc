import type { AuditOrigin } from "./audit.ts";

type HeaderSource = Pick<Headers, "get">;

/**
 * The client's address as the nearest proxy reports it. Next's server fills in
 * X-Forwarded-For from the socket when no proxy sent one; behind a proxy, the proxy's value.
 */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  if (first) return first.replace(/^::ffff:/, "");
  return headers.get("x-real-ip")?.trim() || null;
}

export function auditOrigin(headers: HeaderSource): AuditOrigin {
  return { ip: clientIp(headers), userAgent: headers.get("user-agent") };
}

/**
 * http or https for this request: BETTER_AUTH_URL's scheme when set, else what the proxy says
 * (X-Forwarded-Proto), else the request URL's. Decides whether cookies get `Secure`.
 */
export function requestProtocol(headers: HeaderSource, url?: string): "http" | "https" {
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) return configured.startsWith("https://") ? "https" : "http";
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "https" || forwarded === "http") return forwarded;
  if (url?.startsWith("https://")) return "https";
  return "http";
}

/** scheme://host of this request, as the browser addressed it. */
export function requestOrigin(headers: HeaderSource, url?: string): string | null {
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      return null;
    }
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) {
    try {
      return url ? new URL(url).origin : null;
    } catch {
      return null;
    }
  }
  return `${requestProtocol(headers, url)}://${host}`;
}
