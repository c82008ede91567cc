import type { ClassifierMatch } from "../classifier/index.ts";

/** A stretch of text from `start` (UTF-16 offset) and the matches that cover it. */
export type TextSegment = { start: number; text: string; matches: ClassifierMatch[] };

/**
 * Cuts a comment into plain and matched stretches for highlighting: each segment carries the
 * matches covering it (overlapping matches split the text at every boundary). Offsets are
 * UTF-16 code units into the original text, as the classifier reports them; matches that fall
 * outside the text (a stale result) are ignored rather than trusted.
 */
export function segmentByMatches(text: string, matches: readonly ClassifierMatch[]): TextSegment[] {
  const valid = matches.filter(
    (m) =>
      Number.isInteger(m.start) &&
      Number.isInteger(m.end) &&
      m.start >= 0 &&
      m.end <= text.length &&
      m.start < m.end,
  );
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = valid.filter((m) => m.start <= start && m.end >= end);
    const last = segments[segments.length - 1];
    if (last && last.matches.length === 0 && covering.length === 0) last.text += text.slice(start, end);
    else segments.push({ start, text: text.slice(start, end), matches: covering });
  }
  return segments;
}
