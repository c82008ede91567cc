-- Each decision carries its comment's ingested_at (which never changes), so the analytics
-- throughput chart computes ingest-to-decision times from comment_decision alone instead of one
-- comment lookup per decision.

-- AlterTable
ALTER TABLE "comment_decision" ADD COLUMN     "comment_ingested_at" TIMESTAMPTZ(3);

UPDATE "comment_decision" d SET "comment_ingested_at" = c."ingested_at"
FROM "comment" c WHERE c."id" = d."comment_id";

CREATE FUNCTION raqib_decision_ingested_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.ingested_at INTO NEW.comment_ingested_at FROM comment c WHERE c.id = NEW.comment_id;
  RETURN NEW;
END
$$;

CREATE TRIGGER comment_decision_ingested_at BEFORE INSERT ON "comment_decision"
  FOR EACH ROW EXECUTE FUNCTION raqib_decision_ingested_at();
