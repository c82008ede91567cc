import {
  isCommentDisclaimer,
  sourceFromByline,
  sourceFromDateline,
  sourceFromDisclaimer,
} from "./detect-source.ts";
import { foldForMatching } from "./fold-text.ts";
import { IngestParseError } from "./ingest-error.ts";
import { isNoiseLine, isSeparatorLine } from "./noise-lines.ts";

export interface ParsedComment {
  title: string | null;
  author: string | null;
  body: string;
}

export interface ParsedArticle {
  title: string;
  /** Display name of the site when the text names it (see KNOWN_SOURCES), else null. */
  source: string | null;
  /** The article's paragraphs, one per line, without the title and without noise lines. */
  body: string;
  comments: ParsedComment[];
}

/** One input line, trimmed, with its 1-based line number in the original text. */
interface Line {
  text: string;
  number: number;
  /** foldForMatching(text), computed once: markers are matched on it. */
  folded: string;
}

/**
 * Section labels that some dumps put above the headline ("أخبار"); they are page chrome,
 * not the title and not article text.
 */
const SECTION_LABELS = new Set(
  [
    "أخبار",
    "الأخبار",
    "اقتصاد",
    "رياضة",
    "ثقافة",
    "فنون",
    "منوعات",
    "صحة",
    "تكنولوجيا",
    "علوم",
    "آراء",
    "رأي",
    "مقالات",
    "سياسة",
  ].map(foldForMatching),
);

/** "التعليقات", optionally with a count or a colon: "التعليقات (5)", "التعليقات:". */
const COMMENTS_HEADER = /^التعليقات\s*(?:\(\d+\))?\s*:?$/;

/** An author is a name, not a sentence: longer candidates are read as comment text. */
const MAX_AUTHOR_WORDS = 8;
const MAX_AUTHOR_LENGTH = 80;

/** The headline sits above a lone "-" (an empty byline slot) only near the top of the page. */
const MAX_HEADER_BLOCK_LINES = 4;

/**
 * Parses an article dump: title, article body, the source site when the text names it, and
 * the comments in either layout (the grammar is in lib/ingest/README.md). Throws only
 * IngestParseError. Linear in the size of the text.
 */
export function parseArticle(text: string): ParsedArticle {
  const lines = splitLines(text);
  const headerIndex = lines.findIndex((line) => COMMENTS_HEADER.test(line.folded));
  const articleLines = headerIndex === -1 ? lines : lines.slice(0, headerIndex);
  const { title, body, datelineSource } = parseArticlePart(articleLines);

  let comments: ParsedComment[] = [];
  let disclaimerSource: string | null = null;
  const header = headerIndex === -1 ? undefined : lines[headerIndex];
  if (header) {
    const sectionLines: Line[] = [];
    for (const line of lines.slice(headerIndex + 1)) {
      if (isNoiseLine(line.text, line.folded)) continue;
      if (isCommentDisclaimer(line.text, line.folded)) {
        disclaimerSource ??= sourceFromDisclaimer(line.text);
        continue;
      }
      sectionLines.push(line);
    }
    comments = parseCommentSection(sectionLines, header.number);
  }
  return { title, source: disclaimerSource ?? datelineSource, body, comments };
}

function splitLines(text: string): Line[] {
  const raw = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  // Mail-quoted dumps prefix every line with "> "; some dumps quote only the headline.
  const nonBlank = raw.filter((line) => line.trim() !== "");
  const allQuoted = nonBlank.length > 0 && nonBlank.every((line) => /^\s*>/.test(line));
  const firstContent = raw.findIndex((line) => line.trim() !== "");
  return raw.map((line, index) => {
    let text = line;
    if (allQuoted || (index === firstContent && /^\s*> /.test(line))) {
      text = text.replace(/^\s*> ?/, "");
    }
    const trimmed = text.replace(/^\ufeff/, "").trim();
    return { text: trimmed, number: index + 1, folded: foldForMatching(trimmed) };
  });
}

function parseArticlePart(lines: Line[]): { title: string; body: string; datelineSource: string | null } {
  const items = lines.filter((line) => line.text !== "" && !isNoiseLine(line.text, line.folded));
  let start = 0;
  const first = items[0];
  if (first && SECTION_LABELS.has(first.folded)) start = 1;

  let datelineSource: string | null = null;
  const datelineIndexes = new Set<number>();
  for (let i = start; i < Math.min(items.length, start + MAX_HEADER_BLOCK_LINES); i++) {
    const item = items[i];
    if (!item) continue;
    const fromDateline = sourceFromDateline(item.text);
    if (fromDateline) {
      datelineIndexes.add(i);
      datelineSource ??= fromDateline;
    }
    datelineSource ??= sourceFromByline(item.text);
  }

  let titleIndex = -1;
  const separator = items.findIndex((item, i) => i > start && isSeparatorLine(item.text));
  if (separator !== -1 && separator - start <= MAX_HEADER_BLOCK_LINES) {
    // A header block closed by a lone "-" holds kicker lines and then the headline.
    for (let i = separator - 1; i >= start && titleIndex === -1; i--) {
      const item = items[i];
      if (item && !datelineIndexes.has(i) && !isSeparatorLine(item.text)) titleIndex = i;
    }
  }
  if (titleIndex === -1) {
    titleIndex = items.findIndex(
      (item, i) => i >= start && !datelineIndexes.has(i) && !isSeparatorLine(item.text),
    );
  }
  if (titleIndex === -1) {
    titleIndex = items.findIndex((item, i) => i >= start && !isSeparatorLine(item.text));
  }
  const titleLine = items[titleIndex];
  if (!titleLine) {
    throw new IngestParseError("no title: the article has no line of text before the comments");
  }
  const body = items
    .filter((item, i) => i >= start && i !== titleIndex && !isSeparatorLine(item.text))
    .map((item) => item.text)
    .join("\n");
  return { title: titleLine.text, body, datelineSource };
}

interface AuthorLine {
  author: string | null;
  /** Text after the author's " -": the inline body of layout A, empty in layout B. */
  rest: string;
}

/** "Author -body", "Author -", "-body", "-"; the first whitespace-dash ends the author. */
function readAuthorLine(text: string): AuthorLine | null {
  if (text.startsWith("-")) return { author: null, rest: text.slice(1).trim() };
  const match = /\s-/.exec(text);
  if (!match) return null;
  const author = text.slice(0, match.index).trim();
  if (author.length > MAX_AUTHOR_LENGTH || author.split(/\s+/).length > MAX_AUTHOR_WORDS) return null;
  return { author, rest: text.slice(match.index + match[0].length).trim() };
}

type Layout = "A" | "B";

function authorLineIn(layout: Layout, line: Line | undefined): AuthorLine | null {
  if (!line || line.text === "") return null;
  const parsed = readAuthorLine(line.text);
  if (!parsed) return null;
  // Layout B's author line is "Author -" alone; a body line there may contain " - ".
  if (layout === "B" && parsed.rest !== "") return null;
  return parsed;
}

function parseCommentSection(lines: Line[], headerLine: number): ParsedComment[] {
  const first = lines.findIndex((line) => line.text !== "");
  if (first === -1) {
    throw new IngestParseError("the comments header 'التعليقات' is followed by no comments", headerLine);
  }
  const firstLine = lines[first];
  const next = authorLineIn("A", lines[first + 1]);
  const own = readAuthorLine(firstLine?.text ?? "");
  const layout: Layout = (next ?? own)?.rest === "" ? "B" : "A";
  if (!next && !own) {
    const onlyLine = lines.slice(first + 1).every((line) => line.text === "");
    throw new IngestParseError(
      onlyLine
        ? "the comment section is cut off: a title with no 'author -' line after it"
        : "comment section: expected a comment title followed by an 'author -' line",
      firstLine?.number ?? headerLine,
    );
  }

  const comments: ParsedComment[] = [];
  let index = first;
  while (index < lines.length) {
    const titleLine = lines[index];
    if (!titleLine) break;
    let title: string | null = null;
    let authorIndex = index;
    if (authorLineIn(layout, lines[index + 1])) {
      title = titleLine.text;
      authorIndex = index + 1;
    }
    const authorLine = authorLineIn(layout, lines[authorIndex]);
    const authorSource = lines[authorIndex];
    if (!authorLine || !authorSource) {
      throw new IngestParseError("comment section: expected an 'author -' line", titleLine.number);
    }

    let end = authorIndex + 1;
    while (end < lines.length && !startsComment(layout, lines, end)) end++;
    const bodyLines = [authorLine.rest, ...lines.slice(authorIndex + 1, end).map((line) => line.text)];
    const body = joinBody(bodyLines);
    if (body === "") {
      const reason =
        end >= lines.length
          ? "the comment section is cut off: the last comment has no body"
          : "comment has no body";
      throw new IngestParseError(reason, titleLine.number);
    }
    if (end >= lines.length) {
      // A lone line after a blank line that ends the section is the title of a comment whose
      // author line and body were cut off; it cannot be told from a one-line closing
      // paragraph, and a visible error costs less than a title glued onto a stranger's text.
      const paragraphs = body.split("\n\n");
      const last = paragraphs[paragraphs.length - 1] ?? "";
      if (paragraphs.length > 1 && !last.includes("\n")) {
        const lastLine = [...lines].reverse().find((line) => line.text !== "");
        throw new IngestParseError(
          "the comment section is cut off: a title with no 'author -' line after it",
          lastLine?.number,
        );
      }
    }
    comments.push({ title, author: authorLine.author === "" ? null : authorLine.author, body });
    index = end;
  }
  return comments;
}

/** Whether a new comment begins at `index` (inside or after the previous comment's body). */
function startsComment(layout: Layout, lines: Line[], index: number): boolean {
  const line = lines[index];
  if (!line || line.text === "") return false;
  if (authorLineIn(layout, lines[index + 1])) return true;
  // A comment without a title: its author line follows a blank line.
  return lines[index - 1]?.text === "" && authorLineIn(layout, line) !== null;
}

/** Lines joined with "\n"; runs of blank lines (often left by removed noise) become one. */
function joinBody(lines: string[]): string {
  const kept: string[] = [];
  for (const line of lines) {
    if (line === "" && (kept.length === 0 || kept[kept.length - 1] === "")) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  return kept.join("\n");
}
