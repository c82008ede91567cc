import { createHash, randomBytes } from "node:crypto";

/** Every Raqib token starts with this, so secret scanners and people can recognise one. */
export const TOKEN_PREFIX = "rqb_";

/** A new token: 256 random bits. */
export function generateApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * Tokens are random and long, so a plain SHA-256 is enough to make a stolen table useless
 * (a slow hash is for guessable passwords) and lets a request find its token by index.
 */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
