import { createHmac, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The annotator's stable pseudonym: `anno-` + 16 hex characters of HMAC-SHA256(user id) keyed
 * with this install's export salt. The same person gets the same pseudonym in every export
 * from this install, and nobody without the salt can map it back to a user id.
 */
export function pseudonymiseAnnotator(userId: string, salt: string): string {
  return `anno-${createHmac("sha256", salt).update(userId).digest("hex").slice(0, 16)}`;
}

/** `<dataDir>/export-salt`, generated (0600) on first use; RAQIB_EXPORT_SALT overrides it. */
export async function ensureExportSalt(dataDir: string, fromEnv?: string): Promise<string> {
  if (fromEnv && fromEnv.trim().length >= 16) return fromEnv.trim();
  const path = join(dataDir, "export-salt");
  try {
    const stored = (await readFile(path, "utf8")).trim();
    if (stored.length >= 16) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const salt = randomBytes(32).toString("base64url");
  await writeFile(path, `${salt}\n`, { mode: 0o600 });
  return salt;
}
