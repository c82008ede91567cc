import "server-only";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { classifierForStorage } from "../classification/classify-for-storage.ts";
import type { CliContext } from "../cli/command.ts";
import { getDb } from "../db/client.ts";
import type { OpenDatabase } from "../db/open-database.ts";
import { ingestInputs } from "../ingest/ingest-inputs.ts";
import { getPublishedLexicon } from "../lexicon/get-published-lexicon.ts";
import { seedsDir } from "../paths.ts";

/**
 * On a first start (no article stored yet) loads the seed articles from seeds/ through the same
 * ingest path as `raqib ingest`. A database that has any article is left alone, so the seeds are
 * never loaded twice and a newsroom's own data is never mixed with them.
 */
export async function seedDemoData(
  ctx: Pick<CliContext, "stdout">,
  _database: OpenDatabase,
): Promise<boolean> {
  if ((await getDb().article.count()) > 0) return false;
  const files = (await readdir(seedsDir)).filter((name) => name.endsWith(".txt")).sort();
  const summary = await ingestInputs(
    files.map((name) => join(seedsDir, name)),
    {
      actor: "raqib start",
      via: "seed",
      classify: classifierForStorage((await getPublishedLexicon()).layered.compiled),
    },
  );
  ctx.stdout.write(
    `Loaded the demo data: ${summary.articlesAdded} articles and ${summary.commentsAdded} comments from seeds/\n`,
  );
  return true;
}
