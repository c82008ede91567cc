import "server-only";
import { getDb } from "../db/client.ts";

/** The sources the queue's source filter offers. */
export async function listSources(): Promise<{ id: number; name: string }[]> {
  return getDb().source.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 });
}
