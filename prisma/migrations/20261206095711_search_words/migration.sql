-- DropIndex
DROP INDEX "comment_search_text_idx";

-- AlterTable
ALTER TABLE "comment" ADD COLUMN     "search_words" TEXT[];

-- CreateTable
CREATE TABLE "search_word" (
    "word" TEXT NOT NULL,

    CONSTRAINT "search_word_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "search_word_word_idx" ON "search_word" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "comment_search_words_idx" ON "comment" USING GIN ("search_words");

-- Written by hand below this line. The queue's search used a trigram index on search_text: about
-- 90 GIN entries a comment, the dearest part of storing one. It now reads the distinct words of
-- search_text (lib/search/search-words.ts, computed by raqib when it stores a comment) and a
-- dictionary of those words with the trigram index. Rows stored before get their words here, split
-- on the same white space and with the same marker for over-long words.
UPDATE "comment" SET "search_words" = ARRAY(
  SELECT DISTINCT CASE WHEN length(w) > 60 THEN E'\u0001long' ELSE w END
  FROM unnest(regexp_split_to_array("search_text",
    E'[\\t\\n\\u000b\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+')) AS w
  WHERE w <> '')
WHERE "search_text" IS NOT NULL;

INSERT INTO "search_word" ("word")
SELECT DISTINCT w FROM "comment", unnest("search_words") AS w WHERE w <> E'\u0001long'
ON CONFLICT DO NOTHING;
