-- pg_trgm for the queue search (comment.search_text); a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "comment_ingested_at_idx";

-- DropIndex
DROP INDEX "comment_insult_insult_score_idx";

-- DropIndex
DROP INDEX "comment_posted_at_idx";

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
CREATE INDEX "comment_insult_score_id_idx" ON "comment"("insult_score", "id");

-- CreateIndex
CREATE INDEX "comment_ingested_at_idx" ON "comment" USING BRIN ("ingested_at" timestamptz_minmax_ops);

-- CreateIndex
CREATE INDEX "comment_posted_at_id_idx" ON "comment"("posted_at", "id");

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
-- Search text (written by hand below this line: functions and data are not part of Prisma's diff).
-- The same folding as the classifier's normalise() for matching: no diacritics, Quranic marks,
-- tatweel or invisible format characters; one letter for each group of variants; lower case.
-- Both the stored column and the search term go through this one function, so they always agree.
CREATE OR REPLACE FUNCTION raqib_search_text(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT lower(translate(
    regexp_replace(input, '[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]', '', 'g'),
    'إأآٱٲٳىیېےۍئؤةۀہەۃکگڪڭڨپچڤڥژ',
    'ااااااييييييوهههههككككقبجففز'))
$fn$;

UPDATE "comment" SET "search_text" = raqib_search_text(coalesce("title" || ' ', '') || "body");

INSERT INTO "escalation_reason" ("code", "label_ar", "label_en", "position") VALUES
  ('legal', 'قد يخالف القانون', 'May be unlawful', 1),
  ('threat', 'تهديد أو تحريض', 'Threat or incitement', 2),
  ('unsure', 'غير متأكد، يحتاج رأيًا ثانيًا', 'Unsure, needs a second opinion', 3),
  ('spam', 'رسائل مزعجة أو إعلان', 'Spam or advertising', 4),
  ('other', 'سبب آخر', 'Other', 5);
