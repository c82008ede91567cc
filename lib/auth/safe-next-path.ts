/** Where to go after signing in: a path on this site only (never `//evil.example` or a URL). */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return "/articles";
  }
  if (next.startsWith("/sign-in")) return "/articles";
  return next;
}
