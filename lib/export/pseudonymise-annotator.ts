import { createHmac } from "node:crypto";

/**
 * The annotator's stable pseudonym: `anno-` + 16 hex characters of HMAC-SHA256(user id) keyed
 * with this install's export salt. The same person gets the same pseudonym in every export
 * from this install, and nobody without the salt can map it back to a user id.
 */
export function pseudonymiseAnnotator(userId: string, salt: string): string {
  return `anno-${createHmac("sha256", salt).update(userId).digest("hex").slice(0, 16)}`;
}

/**
 * The export salt: RAQIB_EXPORT_SALT when set (at least 16 characters), else derived from the
 * install's auth secret (HMAC, so the secret itself never appears in or near an export). The
 * server and the CLI derive the same salt, so pseudonyms match across the page, API and CLI.
 */
export function exportSaltFrom(authSecret: string, fromEnv?: string): string {
  if (fromEnv && fromEnv.trim().length >= 16) return fromEnv.trim();
  return createHmac("sha256", authSecret).update("raqib export annotator pseudonyms").digest("base64url");
}
