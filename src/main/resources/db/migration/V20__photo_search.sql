-- Searching the photo library by caption, credit or file name ("contains", case-insensitive) stays
-- fast with thousands of photos: a trigram index (pg_trgm comes from V1) on the same expression the query uses.
create index photos_search on photos using gin ((caption || ' ' || credit || ' ' || original_name) gin_trgm_ops);
create index photos_created on photos (created_at desc, id desc);
