import type { ClassifyText } from "../../ingest/store-article.ts";

/** The classifier that ingest runs on new comments (none until lib/classifier lands). */
export async function classifierForIngest(): Promise<ClassifyText | undefined> {
  return undefined;
}
