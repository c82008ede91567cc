import { type ClassifierMatch, matchCounts } from "@/lib/classifier/index.ts";
import { segmentByMatches } from "@/lib/comments/segment-by-matches.ts";
import { categoryLabels, ruleLabels, sideLabels, targetLabels } from "@/lib/i18n/classifier-labels.ts";
import type { Locale } from "@/lib/i18n/messages.ts";

function explain(match: ClassifierMatch, locale: Locale): string {
  const parts = [categoryLabels[locale][match.category]];
  if (match.target)
    parts.push(
      `${targetLabels[locale][match.target]}${match.side ? `: ${sideLabels[locale][match.side]}` : ""}`,
    );
  if (match.rule) parts.push(ruleLabels[locale][match.rule]);
  return parts.join(" · ");
}

/**
 * A comment's text with the classifier's matches highlighted, each explained on hover and in
 * a list below. The text is rendered as React text nodes only, never as HTML.
 */
export function ClassifiedText({
  text,
  matches,
  locale,
}: {
  text: string;
  matches: ClassifierMatch[];
  locale: Locale;
}) {
  const segments = segmentByMatches(text, matches);
  const explained = matches.filter((m) => m.category !== "entity");
  return (
    <>
      <p className="body" dir="auto">
        {segments.map((segment) =>
          segment.matches.length === 0 ? (
            segment.text
          ) : (
            <mark
              key={segment.start}
              data-category={segment.matches[0]?.category}
              data-counts={segment.matches.some(matchCounts) ? "yes" : "no"}
              title={segment.matches.map((m) => `${m.term}: ${explain(m, locale)}`).join("\n")}
            >
              {segment.text}
            </mark>
          ),
        )}
      </p>
      {explained.length > 0 && (
        <ul className="explanations" data-testid="match-explanations">
          {explained.map((m) => (
            <li key={`${m.start}-${m.end}-${m.term}-${m.category}`}>
              <bdi className="term">{text.slice(m.start, m.end)}</bdi>
              {m.term !== text.slice(m.start, m.end) && (
                <>
                  {" "}
                  (<bdi>{m.term}</bdi>)
                </>
              )}
              {" — "}
              {explain(m, locale)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
