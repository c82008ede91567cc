/**
 * The headers every response carries: next.config.js sets them on what Next serves, and the
 * Perspective fast path (perspective-fast-path.ts) on what it answers itself. A test keeps the
 * two lists equal.
 */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];
