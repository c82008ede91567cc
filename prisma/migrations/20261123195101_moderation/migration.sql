-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "comment_ingested_at_idx";

-- DropIndex
DROP INDEX "comment_insult_insult_score_idx";

-- DropIndex
DROP INDEX "comment_sentiment_idx";

-- AlterTable
ALTER TABLE "comment" ADD COLUMN     "search_text" TEXT;

-- CreateTable
CREATE TABLE "comment_label" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "insult" BOOLEAN,
    "sentiment" "sentiment",
    "stance" JSONB,
    "classifier_insult" BOOLEAN,
    "classifier_insult_score" REAL,
    "classifier_sentiment" "sentiment",
    "classifier_stance" JSONB,
    "lexicon_version" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_label_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_decision" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "from_status" "moderation_status" NOT NULL,
    "to_status" "moderation_status" NOT NULL,
    "escalation_reason_id" INTEGER,
    "undo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation_reason" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "label_ar" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "escalation_reason_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comment_label_user_id_comment_id_idx" ON "comment_label"("user_id", "comment_id");

-- CreateIndex
CREATE INDEX "comment_label_updated_at_idx" ON "comment_label"("updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "comment_label_comment_id_user_id_key" ON "comment_label"("comment_id", "user_id");

-- CreateIndex
CREATE INDEX "comment_decision_comment_id_created_at_idx" ON "comment_decision"("comment_id", "created_at");

-- CreateIndex
CREATE INDEX "comment_decision_user_id_created_at_idx" ON "comment_decision"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "escalation_reason_code_key" ON "escalation_reason"("code");

-- CreateIndex
CREATE INDEX "escalation_reason_active_position_idx" ON "escalation_reason"("active", "position");

-- CreateIndex
CREATE INDEX "comment_status_insult_score_id_idx" ON "comment"("status", "insult_score", "id");

-- CreateIndex
CREATE INDEX "comment_ingested_at_idx" ON "comment" USING BRIN ("ingested_at" timestamptz_minmax_ops);

-- CreateIndex
CREATE INDEX "comment_search_text_idx" ON "comment" USING GIN ("search_text" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "comment_label" ADD CONSTRAINT "comment_label_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_label" ADD CONSTRAINT "comment_label_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_decision" ADD CONSTRAINT "comment_decision_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_decision" ADD CONSTRAINT "comment_decision_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_decision" ADD CONSTRAINT "comment_decision_escalation_reason_id_fkey" FOREIGN KEY ("escalation_reason_id") REFERENCES "escalation_reason"("id") ON DELETE SET NULL ON UPDATE CASCADE;
