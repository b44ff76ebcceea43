-- Partner publications (news.masthead.partners): the partners, their feed's health, and which newsroom
-- article each of their items became (so an item is stored once, whether it came by the API or the feed).

create table partners (
    id                   bigserial primary key,
    slug                 text not null unique,
    name                 text not null,
    site_url             text not null,
    logo_photo_id        bigint references photos (id),
    licence              text not null default '',
    section_slug         text not null,
    feed_url             text,
    feed_internal        boolean not null default false,
    etag                 text,
    last_modified        text,
    next_poll_at         timestamptz,
    polling_until        timestamptz,
    consecutive_failures int not null default 0,
    last_error           text,
    last_error_at        timestamptz,
    last_success_at      timestamptz,
    last_report          text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
create index partners_due on partners (next_poll_at);

create table partner_articles (
    partner_id       bigint not null references partners (id),
    guid             text not null,
    article_id       bigint unique references articles (id) on delete cascade,
    url              text not null,
    byline           text not null default '',
    came_by          text not null check (came_by in ('api', 'feed')),
    -- set before the newsroom is asked to create the article, cleared once it is recorded: a row marked
    -- but without an article means the store was interrupted, and the article is adopted, not doubled
    storing_since    timestamptz,
    removed_at       timestamptz,
    removed_reason   text,
    first_seen_at    timestamptz not null,
    last_seen_at     timestamptz not null,
    checked_at       timestamptz,
    primary key (partner_id, guid)
);
