import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/v1/export/route.ts";
import { createTestToken } from "../testing/auth-fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { parseExportOptions } from "./export-options.ts";
import { exportToFile } from "./export-to-file.ts";
import { HF_SPLITS, splitOfComment } from "./write-hf-dataset.ts";

process.env.RAQIB_EXPORT_SALT ||= "test-export-salt-0123456789";
const COMMENTS = 200_000;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.query(
    `INSERT INTO article (title, body, content_hash) VALUES ('مقال كبير', '', 'big');
     INSERT INTO comment (article_id, position, body, body_hash, search_text, search_words)
       SELECT (SELECT id FROM article WHERE content_hash = 'big'), n, 'تعليق رقم ' || n || ', "مع" فاصلة', md5('h' || n)::uuid,
              raqib_search_text('تعليق رقم ' || n), string_to_array(raqib_search_text('تعليق رقم ' || n), ' ')
         FROM generate_series(1, ${COMMENTS}) AS n;
     -- What insertComments writes along with the comments: their words in the search dictionary.
     INSERT INTO search_word SELECT DISTINCT unnest(search_words) FROM comment ON CONFLICT DO NOTHING;`,
  );
});
afterAll(async () => database.drop());

/**
 * Client backends of this test database that are running or holding the export's transaction
 * (the export's COPY may also run parallel workers, which show the same query).
 */
async function exportBackends(): Promise<{ state: string; query: string }[]> {
  return database.query(
    `SELECT state, query FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
        AND state <> 'idle' AND query ILIKE '%raqib_export%'`,
  );
}

describe("a cancelled download", () => {
  it("ends the server-side query within two seconds", async () => {
    const token = await createTestToken(["export"]);
    const response = await GET(
      new Request("http://raqib.test/api/v1/export?format=jsonl", {
        headers: { authorization: `Bearer ${token.token}` },
      }),
    );
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The cursor is open (its transaction held) while the client is still reading.
    expect((await exportBackends()).length).toBe(1);
    await reader.cancel();
    const deadline = Date.now() + 2_000;
    let left = await exportBackends();
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      left = await exportBackends();
    }
    expect(left).toEqual([]);
    const audit = await database.query<{ after: { rows: number; cancelled: boolean } }>(
      "SELECT after FROM audit_event WHERE action = 'data_exported' ORDER BY id DESC LIMIT 1",
    );
    expect(audit[0]?.after.cancelled).toBe(true);
    expect(audit[0]?.after.rows).toBeLessThan(COMMENTS);
  });
});

describe("the Hugging Face dataset zip", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "raqib-hf-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("holds train/validation/test JSONL split by comment id hash and a dataset card", async () => {
    const parsed = parseExportOptions({ format: "hf", q: "رقم 1999" });
    if (!parsed.ok) throw new Error("options");
    const zip = join(dir, "dataset.zip");
    const rows = await exportToFile(zip, parsed.options, { viewerId: null, salt: "s".repeat(16) });
    const expected = await database.query<{ id: number }>(
      "SELECT id FROM comment WHERE body LIKE 'تعليق رقم 1999%' ORDER BY id",
    );
    expect(rows).toBe(expected.length);
    // An independent reader: the system's unzip.
    const list = execFileSync("unzip", ["-Z1", zip], { encoding: "utf8" }).split("\n").filter(Boolean).sort();
    expect(list).toEqual(["README.md", "data/test.jsonl", "data/train.jsonl", "data/validation.jsonl"]);
    const seen: number[] = [];
    for (const split of HF_SPLITS) {
      const text = execFileSync("unzip", ["-p", zip, `data/${split}.jsonl`], {
        encoding: "utf8",
        maxBuffer: 1 << 28,
      });
      for (const line of text.split("\n").filter(Boolean)) {
        const record = JSON.parse(line) as { comment_id: number };
        expect(splitOfComment(record.comment_id)).toBe(split);
        seen.push(record.comment_id);
      }
    }
    expect(seen.sort((a, b) => a - b)).toEqual(expected.map((r) => r.id));
    const card = execFileSync("unzip", ["-p", zip, "README.md"], { encoding: "utf8" });
    expect(card).toContain(`| total | ${expected.length} |`);
    expect(card).toContain("license:");
    expect(card).toContain("`body`");
    await writeFile(join(dir, "card.md"), card);
  });
});
