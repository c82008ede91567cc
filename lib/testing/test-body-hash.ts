import { hash } from "node:crypto";

/**
 * A comment body hash for a test row called `name` (comment.body_hash is a uuid): the md5 of the
 * name in uuid form, which is also what SQL's `md5(name)::uuid` gives, so rows made either way
 * agree.
 */
export function testBodyHash(name: string): string {
  const hex = hash("md5", name, "hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
