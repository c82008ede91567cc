import { hash } from "node:crypto";
import { hexAsUuid } from "../ingest/hash.ts";

/**
 * A comment body hash for a test row called `name` (comment.body_hash is a uuid): the md5 of the
 * name in uuid form, which is also what SQL's `md5(name)::uuid` gives, so rows made either way
 * agree.
 */
export function testBodyHash(name: string): string {
  return hexAsUuid(hash("md5", name, "hex"));
}
