import "server-only";
import { dataDir, type Env } from "../paths.ts";
import { ensureExportSalt } from "./pseudonymise-annotator.ts";

/** This install's export salt (RAQIB_EXPORT_SALT, else `<dataDir>/export-salt`). */
export function exportSalt(env: Env = process.env): Promise<string> {
  return ensureExportSalt(dataDir(env), env.RAQIB_EXPORT_SALT);
}
