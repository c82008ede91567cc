import type { ParsedArticle, ParsedComment } from "./parse-article.ts";

export type CommentLayout = "A" | "B";

export interface RenderOptions {
  /** Line ending of the output; dumps come with either. */
  lineEnding?: "\n" | "\r\n";
  /** Prefix every line with "> ", as mail-quoted dumps do. */
  quoted?: boolean;
  /** Start with a UTF-8 byte-order mark (U+FEFF). */
  bom?: boolean;
}

/**
 * The comment-section disclaimer of layout B. It names the site only when the article has
 * one, since parseArticle reports whatever site a disclaimer names.
 */
export function disclaimerLine(source: string | null): string {
  const own = "جميع التعليقات المنشورة تعبر عن رأي كتّابها";
  return source === null ? own : `${own} ولا تعبر بالضرورة عن رأي ${source}`;
}

/**
 * Writes an article the way the site dumps do, in comment layout A (title line, then
 * "Author -body") or B (disclaimer; title, "Author -", blank line, body). parseArticle
 * reads the result back to the same comments for any comment whose fields are not
 * ambiguous in that layout (see parse-article.property.test.ts).
 */
export function renderArticle(
  article: ParsedArticle,
  layout: CommentLayout,
  options: RenderOptions = {},
): string {
  const lines: string[] = [article.title];
  if (article.body !== "") lines.push(...article.body.split("\n"));
  if (article.comments.length > 0) {
    lines.push("التعليقات");
    if (layout === "B") lines.push("", disclaimerLine(article.source));
    for (const comment of article.comments) {
      lines.push(...(layout === "A" ? renderLayoutA(comment) : renderLayoutB(comment)));
    }
  }
  const quoted = options.quoted ? lines.map((line) => (line === "" ? ">" : `> ${line}`)) : lines;
  return `${options.bom ? "\ufeff" : ""}${quoted.join(options.lineEnding ?? "\n")}`;
}

function renderLayoutA(comment: ParsedComment): string[] {
  const [firstLine = "", ...rest] = comment.body.split("\n");
  const authorLine = `${comment.author === null ? "" : `${comment.author} `}-${firstLine}`;
  // Without a title, the blank line is what tells the author line from the previous body.
  return [comment.title ?? "", authorLine, ...rest];
}

function renderLayoutB(comment: ParsedComment): string[] {
  const authorLine = comment.author === null ? "-" : `${comment.author} -`;
  return [
    ...(comment.title === null ? [] : [comment.title]),
    authorLine,
    "",
    ...comment.body.split("\n"),
    "",
  ];
}
