/**
 * The only errors lib/ingest throws on bad input. Callers (the CLI, the loader) print
 * `raqib: <path>: <message>`, so the message is one line that names the reason and,
 * when it is known, the 1-based line of the input where parsing gave up.
 */
export class IngestError extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
  ) {
    super(line === undefined ? reason : `line ${line}: ${reason}`);
    this.name = "IngestError";
  }
}

/** The bytes of a file cannot be read as text (encoding, binary data, size, emptiness). */
export class InputDecodeError extends IngestError {
  constructor(reason: string) {
    super(reason);
    this.name = "InputDecodeError";
  }
}

/** The text was read but is not an article this parser understands. */
export class IngestParseError extends IngestError {
  constructor(reason: string, line?: number) {
    super(reason, line);
    this.name = "IngestParseError";
  }
}
