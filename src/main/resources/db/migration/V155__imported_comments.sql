-- Comments brought over from another system (feature: comments, written through Comments.importComment
-- by the WordPress migration). They belong to no reader account: reader_id is null and the author's name
-- is kept as given. imported_from + external_id (the other system's comment id) make a re-run find the
-- comment again instead of adding it twice.
alter table comments alter column reader_id drop not null;
alter table comments add column imported_from text;
alter table comments add column external_id text;
alter table comments add constraint comments_reader_or_imported
    check (reader_id is not null or (imported_from is not null and external_id is not null));
create unique index comments_imported on comments (article_id, imported_from, external_id) where external_id is not null;
