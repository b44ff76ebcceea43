-- Feed import (syndication.feedin): the feeds we subscribe to and what became of each of their items,
-- plus db-scheduler's table, in the shape the library documents for PostgreSQL.

create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

create table feed_sources (
    id                   bigserial primary key,
    url                  text not null unique,
    title                text not null,
    section_slug         text not null,
    attribution          text not null,
    licence              text not null default '',
    land_as              text not null default 'draft' check (land_as in ('draft', 'published')),
    fetch_full_page      boolean not null default false,
    internal             boolean not null default false,
    etag                 text,
    last_modified        text,
    next_poll_at         timestamptz not null,
    -- a poll in progress holds the source until then, so two nodes (or "Poll now" and the job) never poll it at once
    polling_until        timestamptz,
    consecutive_failures int not null default 0,
    last_error           text,
    last_error_at        timestamptz,
    last_success_at      timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
create index feed_sources_due on feed_sources (next_poll_at);

create table feed_items (
    id                      bigserial primary key,
    source_id               bigint not null references feed_sources (id),
    guid                    text not null,
    url                     text not null,
    headline                text not null default '',
    -- what the feed said about the item last time (title, link, text, dates): unchanged means nothing to do
    content_hash            text not null,
    -- MinHash of the stored text, for spotting the same story from another source
    signature               int[],
    article_id              bigint,
    revision                int,
    duplicate_of_article_id bigint,
    status                  text not null check (status in ('storing', 'imported', 'updated', 'duplicate', 'failed', 'kept')),
    -- set before the newsroom is asked to store the item; with no article_id, a retry looks for the article first
    store_started_at        timestamptz,
    error                   text,
    first_seen_at           timestamptz not null,
    last_seen_at            timestamptz not null,
    unique (source_id, guid)
);
create index feed_items_recent on feed_items (first_seen_at desc) where signature is not null;
create index feed_items_source on feed_items (source_id, last_seen_at desc);
