/**
 * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate (a JSON "\ud800" escape
 * without its pair) is no character at all: text holding either cannot be stored as written.
 * Returns what the first such character is and its 1-based position, or null. In a /u pattern
 * the surrogate range matches unpaired halves only.
 */
const UNPAIRED_SURROGATE = /[\ud800-\udfff]/u;

export function findUnstorableCharacter(text: string): string | null {
  const nul = text.indexOf("\u0000");
  const surrogate = UNPAIRED_SURROGATE.exec(text)?.index ?? -1;
  if (nul === -1 && surrogate === -1) return null;
  if (surrogate === -1 || (nul !== -1 && nul < surrogate))
    return `a NUL character (U+0000) at character ${nul + 1}`;
  return `an unpaired UTF-16 surrogate at character ${surrogate + 1}`;
}
