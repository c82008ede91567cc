/**
 * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate (a JSON "\ud800" escape
 * without its pair) is no character at all: text holding either cannot be stored as written.
 * Returns what the first such character is and its 1-based position, or null. In a /u pattern
 * the surrogate range matches unpaired halves only.
 */
const UNSTORABLE = /\u0000|[\ud800-\udfff]/u;

export function findUnstorableCharacter(text: string): string | null {
  const bad = UNSTORABLE.exec(text);
  if (!bad) return null;
  const what = bad[0] === "\u0000" ? "a NUL character (U+0000)" : "an unpaired UTF-16 surrogate";
  return `${what} at character ${bad.index + 1}`;
}
