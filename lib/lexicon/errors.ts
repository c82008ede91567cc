/** A lexicon write that cannot be done as asked; the message names the input and the reason. */
export class LexiconInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "LexiconInputError";
  }
}
