// perspective-api-client 3.1.0 ships no types; only what the contract tests use.
declare module "perspective-api-client" {
  interface PayloadOptions {
    attributes?: string[] | Record<string, object>;
    doNotStore?: boolean;
    stripHTML?: boolean;
    truncate?: boolean;
    validate?: boolean;
  }
  export default class Perspective {
    constructor(options: { apiKey: string });
    getAnalyzeCommentPayload(
      text: string | Record<string, unknown>,
      options?: PayloadOptions,
    ): Record<string, unknown>;
  }
}
