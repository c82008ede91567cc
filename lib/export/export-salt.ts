import "server-only";
import { exportSaltFrom } from "./pseudonymise-annotator.ts";

/** The export salt inside the server, from the auth secret `raqib start` hands it. */
export async function exportSalt(env: Record<string, string | undefined> = process.env): Promise<string> {
  const secret = env.BETTER_AUTH_SECRET?.trim();
  if (env.RAQIB_EXPORT_SALT && env.RAQIB_EXPORT_SALT.trim().length >= 16) return env.RAQIB_EXPORT_SALT.trim();
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set: start Raqib with `raqib start`");
  return exportSaltFrom(secret);
}
