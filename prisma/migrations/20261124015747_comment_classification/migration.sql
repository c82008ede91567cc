-- The lexicon version and classification time move from "comment" to a narrow table of their
-- own (see the model's comment in schema.prisma): a re-classification that leaves a comment's
-- results unchanged then rewrites only this row, as a heap-only update.

-- CreateTable
CREATE TABLE "comment_classification" (
    "comment_id" INTEGER NOT NULL,
    "lexicon_version" TEXT NOT NULL,
    "classified_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "comment_classification_pkey" PRIMARY KEY ("comment_id")
);

-- Half of every page stays free, so re-classifying writes each row's new version beside the old
-- one (no index entry; the old version is pruned the next time the page is touched).
ALTER TABLE "comment_classification" SET (fillfactor = 50);

-- Backfill: every classified comment keeps its version and time.
INSERT INTO "comment_classification" ("comment_id", "lexicon_version", "classified_at")
SELECT "id", "lexicon_version", coalesce("classified_at", now())
FROM "comment"
WHERE "lexicon_version" IS NOT NULL;

-- AddForeignKey
ALTER TABLE "comment_classification" ADD CONSTRAINT "comment_classification_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "comment_lexicon_version_idx";

-- AlterTable
ALTER TABLE "comment" DROP COLUMN "classified_at",
DROP COLUMN "lexicon_version";
