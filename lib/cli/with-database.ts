import { disconnectDb, setDatabaseUrl } from "../db/client.ts";
import { DatabaseSetupError } from "../db/errors.ts";
import { type OpenDatabase, openDatabase } from "../db/open-database.ts";
import type { Env } from "../paths.ts";
import { CliError } from "./command.ts";

/**
 * Runs `work` with the database open: the running server's embedded PostgreSQL when there is
 * one, else one started for this command alone (and stopped after it), or DATABASE_URL's.
 */
export async function withDatabase<T>(env: Env, work: (database: OpenDatabase) => Promise<T>): Promise<T> {
  let database: OpenDatabase;
  try {
    database = await openDatabase(env);
  } catch (error) {
    if (error instanceof DatabaseSetupError) throw new CliError(error.message);
    throw error;
  }
  setDatabaseUrl(database.url);
  try {
    return await work(database);
  } finally {
    await disconnectDb();
    await database.close();
  }
}
