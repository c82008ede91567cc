-- CreateTable
CREATE TABLE "client_correction" (
    "id" SERIAL NOT NULL,
    "text_hash" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "attribute_scores" JSONB NOT NULL,
    "abusive" BOOLEAN NOT NULL,
    "comment_id" INTEGER,
    "token_id" UUID,
    "actor_label" TEXT NOT NULL,
    "client_token" TEXT,
    "community_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "client_correction_text_hash_idx" ON "client_correction"("text_hash");

-- CreateIndex
CREATE INDEX "client_correction_comment_id_idx" ON "client_correction"("comment_id");

-- CreateIndex
CREATE INDEX "client_correction_token_id_created_at_idx" ON "client_correction"("token_id", "created_at");

-- CreateIndex
CREATE INDEX "client_correction_created_at_idx" ON "client_correction"("created_at");

-- AddForeignKey
ALTER TABLE "client_correction" ADD CONSTRAINT "client_correction_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_correction" ADD CONSTRAINT "client_correction_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_token"("id") ON DELETE SET NULL ON UPDATE CASCADE;
