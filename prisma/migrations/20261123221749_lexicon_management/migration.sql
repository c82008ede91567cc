-- CreateEnum
CREATE TYPE "lexicon_edit_op" AS ENUM ('set', 'remove');

-- CreateEnum
CREATE TYPE "lexicon_job_state" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'superseded');

-- CreateEnum
CREATE TYPE "lexicon_proposal_state" AS ENUM ('pending', 'accepted', 'declined');

-- AlterEnum
ALTER TYPE "audit_category" ADD VALUE 'lexicon';

-- CreateTable
CREATE TABLE "lexicon_version" (
    "id" SERIAL NOT NULL,
    "version" TEXT NOT NULL,
    "files_version" TEXT NOT NULL,
    "layer" JSONB NOT NULL,
    "entry_count" INTEGER NOT NULL,
    "created_by_id" TEXT,
    "created_by_label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lexicon_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lexicon_publication" (
    "id" SERIAL NOT NULL,
    "version_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "published_by_id" TEXT,
    "published_by_label" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" "lexicon_job_state" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "last_comment_id" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "term_counts" JSONB,
    "term_counts_at" TIMESTAMPTZ(3),

    CONSTRAINT "lexicon_publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lexicon_draft_entry" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "op" "lexicon_edit_op" NOT NULL,
    "term" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "language" TEXT NOT NULL,
    "target" TEXT,
    "side" TEXT,
    "flags" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "updated_by_id" TEXT,
    "updated_by_label" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lexicon_draft_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lexicon_proposal" (
    "id" SERIAL NOT NULL,
    "op" "lexicon_edit_op" NOT NULL,
    "term" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "language" TEXT NOT NULL,
    "target" TEXT,
    "side" TEXT,
    "flags" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "state" "lexicon_proposal_state" NOT NULL DEFAULT 'pending',
    "proposed_by_id" TEXT,
    "proposed_by_label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" TEXT,
    "decided_by_label" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "lexicon_proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lexicon_version_version_key" ON "lexicon_version"("version");

-- CreateIndex
CREATE INDEX "lexicon_version_created_at_idx" ON "lexicon_version"("created_at");

-- CreateIndex
CREATE INDEX "lexicon_publication_published_at_idx" ON "lexicon_publication"("published_at");

-- CreateIndex
CREATE INDEX "lexicon_publication_version_id_idx" ON "lexicon_publication"("version_id");

-- CreateIndex
CREATE INDEX "lexicon_publication_state_idx" ON "lexicon_publication"("state");

-- CreateIndex
CREATE UNIQUE INDEX "lexicon_draft_entry_key_key" ON "lexicon_draft_entry"("key");

-- CreateIndex
CREATE INDEX "lexicon_draft_entry_updated_at_idx" ON "lexicon_draft_entry"("updated_at");

-- CreateIndex
CREATE INDEX "lexicon_proposal_state_created_at_idx" ON "lexicon_proposal"("state", "created_at");

-- CreateIndex
CREATE INDEX "lexicon_proposal_proposed_by_id_created_at_idx" ON "lexicon_proposal"("proposed_by_id", "created_at");

-- AddForeignKey
ALTER TABLE "lexicon_version" ADD CONSTRAINT "lexicon_version_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lexicon_publication" ADD CONSTRAINT "lexicon_publication_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "lexicon_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lexicon_publication" ADD CONSTRAINT "lexicon_publication_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lexicon_draft_entry" ADD CONSTRAINT "lexicon_draft_entry_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lexicon_proposal" ADD CONSTRAINT "lexicon_proposal_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lexicon_proposal" ADD CONSTRAINT "lexicon_proposal_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
