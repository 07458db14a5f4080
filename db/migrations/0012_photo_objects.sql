-- 0012_photo_objects.sql: complaint photos in object storage (Workers: an R2 bucket, issue 18). D1 keeps the
-- metadata and an empty `bytes`; object_key names the object. Node keeps bytes in the row as before (key NULL).
ALTER TABLE complaint_attachments ADD COLUMN object_key TEXT;

-- Objects whose row is gone — however it went: retention, a cancelled or abandoned draft, a cascade from its
-- complaint. The scheduler deletes them from the bucket, then from here.
CREATE TABLE deleted_photo_objects (
  object_key TEXT PRIMARY KEY,
  deleted_at TEXT NOT NULL
);

CREATE TRIGGER complaint_attachments_object_deleted AFTER DELETE ON complaint_attachments
WHEN old.object_key IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO deleted_photo_objects (object_key, deleted_at)
  VALUES (old.object_key, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
