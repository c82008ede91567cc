/** Longest text classify accepts, in UTF-16 code units. Longer texts are refused, not truncated. */
export const MAX_TEXT_LENGTH = 100_000;

export type ClassifierInputProblem = "not_string" | "empty" | "too_long";

/** Bad input to classify(): the message names the problem and is safe to show to a user. */
export class ClassifierInputError extends Error {
  constructor(
    readonly problem: ClassifierInputProblem,
    message: string,
  ) {
    super(message);
    this.name = "ClassifierInputError";
  }
}

export interface LexiconProblem {
  /** "file.tsv:12" or "extra[3]". */
  location: string;
  message: string;
}

/** A lexicon that does not parse or validate; lists every problem with its line. */
export class LexiconError extends Error {
  constructor(readonly problems: LexiconProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `${p.location}: ${p.message}`);
    const more = problems.length > 20 ? [`… and ${problems.length - 20} more`] : [];
    super(`invalid lexicon:\n${[...shown, ...more].join("\n")}`);
    this.name = "LexiconError";
  }
}

export function assertClassifiableText(text: unknown): asserts text is string {
  if (typeof text !== "string") {
    throw new ClassifierInputError(
      "not_string",
      `text must be a string, got ${text === null ? "null" : typeof text}`,
    );
  }
  if (text.trim().length === 0) throw new ClassifierInputError("empty", "text is empty");
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ClassifierInputError(
      "too_long",
      `text is ${text.length} characters long; the limit is ${MAX_TEXT_LENGTH}`,
    );
  }
}
