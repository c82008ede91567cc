-- Bulk ingest (lib/ingest/insert-comments.ts, insertCommentsBulk) stores each batch with
-- session_replication_role = replica, which skips the per-row foreign-key checks of `comment`
-- (the batch locks its articles and runs itself) but also every trigger not marked otherwise.
-- The analytics rollups must follow every write, whatever the session's role: these triggers
-- fire always. (A logical-replication subscriber that also receives the rollup tables would then
-- count twice: replicate `comment` only and let the subscriber keep its own rollups.)
ALTER TABLE comment ENABLE ALWAYS TRIGGER comment_rollups_insert;
ALTER TABLE comment ENABLE ALWAYS TRIGGER comment_rollups_update;
ALTER TABLE comment ENABLE ALWAYS TRIGGER comment_rollups_delete;
ALTER TABLE comment ENABLE ALWAYS TRIGGER comment_rollups_truncate;
