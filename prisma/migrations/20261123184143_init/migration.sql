-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "moderation_status" AS ENUM ('pending', 'approved', 'rejected', 'escalated');

-- CreateEnum
CREATE TYPE "sentiment" AS ENUM ('positive', 'negative', 'neutral');

-- CreateEnum
CREATE TYPE "ingest_run_status" AS ENUM ('running', 'succeeded', 'partial', 'failed');

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "url" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "content_hash" TEXT NOT NULL,
    "raw_text" TEXT,
    "file_name" TEXT,
    "ingest_run_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT,
    "author" TEXT,
    "body" TEXT NOT NULL,
    "body_hash" TEXT NOT NULL,
    "language" TEXT,
    "posted_at" TIMESTAMPTZ(3),
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ingest_run_id" INTEGER,
    "status" "moderation_status" NOT NULL DEFAULT 'pending',
    "version" INTEGER NOT NULL DEFAULT 1,
    "insult" BOOLEAN,
    "insult_score" REAL,
    "sentiment" "sentiment",
    "sentiment_score" REAL,
    "stance" JSONB,
    "matches" JSONB,
    "lexicon_version" TEXT,
    "classified_at" TIMESTAMPTZ(3),

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_run" (
    "id" SERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "inputs" JSONB NOT NULL,
    "status" "ingest_run_status" NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "articles_added" INTEGER NOT NULL DEFAULT 0,
    "comments_added" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "ingest_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "source_name_key" ON "source"("name");

-- CreateIndex
CREATE UNIQUE INDEX "article_content_hash_key" ON "article"("content_hash");

-- CreateIndex
CREATE INDEX "article_source_id_idx" ON "article"("source_id");

-- CreateIndex
CREATE INDEX "article_url_idx" ON "article"("url");

-- CreateIndex
CREATE INDEX "article_title_idx" ON "article"("title");

-- CreateIndex
CREATE INDEX "article_published_at_idx" ON "article"("published_at");

-- CreateIndex
CREATE INDEX "article_created_at_idx" ON "article"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "comment_body_hash_key" ON "comment"("body_hash");

-- CreateIndex
CREATE INDEX "comment_article_id_position_idx" ON "comment"("article_id", "position");

-- CreateIndex
CREATE INDEX "comment_status_id_idx" ON "comment"("status", "id");

-- CreateIndex
CREATE INDEX "comment_insult_insult_score_idx" ON "comment"("insult", "insult_score");

-- CreateIndex
CREATE INDEX "comment_sentiment_idx" ON "comment"("sentiment");

-- CreateIndex
CREATE INDEX "comment_language_idx" ON "comment"("language");

-- CreateIndex
CREATE INDEX "comment_ingested_at_idx" ON "comment"("ingested_at");

-- CreateIndex
CREATE INDEX "comment_posted_at_idx" ON "comment"("posted_at");

-- CreateIndex
CREATE INDEX "comment_lexicon_version_idx" ON "comment"("lexicon_version");

-- CreateIndex
CREATE INDEX "comment_author_idx" ON "comment"("author");

-- CreateIndex
CREATE INDEX "comment_stance_idx" ON "comment" USING GIN ("stance" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "ingest_run_started_at_idx" ON "ingest_run"("started_at");

-- AddForeignKey
ALTER TABLE "article" ADD CONSTRAINT "article_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article" ADD CONSTRAINT "article_ingest_run_id_fkey" FOREIGN KEY ("ingest_run_id") REFERENCES "ingest_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_ingest_run_id_fkey" FOREIGN KEY ("ingest_run_id") REFERENCES "ingest_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;
