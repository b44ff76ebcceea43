-- Imports from WordPress and Ghost: one row per run (what the admin lists, updated while it runs)
-- and one row per imported item, so running the same export again skips or updates instead of doubling.

create table import_runs (
    id          bigserial primary key,
    source      text not null check (source in ('wordpress', 'ghost')),
    file_name   text not null,
    status      text not null default 'running' check (status in ('running', 'finished', 'failed')),
    counts      jsonb not null default '{}',
    message     text not null default '',
    started_at  timestamptz not null,
    finished_at timestamptz
);
create index import_runs_started on import_runs (started_at desc);

-- target_id is null while an item is being written: a crash leaves the row pending, and the next
-- run repairs it by finding what was written instead of writing it twice
create table import_items (
    source          text not null,
    source_id       text not null,
    kind            text not null,
    target_id       bigint,
    target_revision int,
    content_hash    text not null,
    imported_at     timestamptz not null,
    primary key (source, source_id, kind)
);
