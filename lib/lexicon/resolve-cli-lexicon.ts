import { type CompiledLexicon, defaultLexicon } from "../classifier/index.ts";
import { hasCluster } from "../db/embedded-postgres.ts";
import { dataDir, type Env } from "../paths.ts";
import { getLexiconVersion, getPublishedLexicon } from "./get-published-lexicon.ts";

/**
 * `--lexicon-version` of the CLI: `published` (the default: what the dashboard uses), `files`
 * (the shipped files alone, no database needed) or a version hash from the Versions list.
 */
export async function lexiconForVersion(choice: string): Promise<CompiledLexicon> {
  if (choice === "files") return defaultLexicon();
  if (choice === "published") return (await getPublishedLexicon()).layered.compiled;
  return (await getLexiconVersion(choice)).compiled;
}

/**
 * Whether this installation has a database to read the published version from: DATABASE_URL,
 * or an embedded cluster that `raqib start` created. Without one there is nothing but the
 * shipped files, and `raqib classify` needs no database.
 */
export async function hasInstallationDatabase(env: Env): Promise<boolean> {
  return Boolean(env.DATABASE_URL?.trim()) || (await hasCluster(dataDir(env)));
}
