-- Reader comments under articles (feature: comments). Comments owns these tables alone.

-- Who may comment and when comments close, set for the whole site (scope 'site', scope_id 0), a
-- section (scope_id = sections.id) or one article (scope_id = articles.id). A null column inherits
-- from the wider scope; without a site row the site allows every signed-in reader and closes after 14 days.
create table comment_settings (
    scope           text    not null check (scope in ('site', 'section', 'article')),
    scope_id        bigint  not null,
    policy          text    check (policy in ('signed_in', 'members', 'nobody')),
    close_after_days integer check (close_after_days between 1 and 3650),
    primary key (scope, scope_id)
);

-- Staff closing or reopening one article by hand; overrides the automatic closing either way.
create table comment_closings (
    article_id  bigint      primary key references articles (id) on delete cascade,
    closed      boolean     not null,
    staff_name  text        not null,
    changed_at  timestamptz not null
);

create table comments (
    id              bigserial   primary key,
    article_id      bigint      not null references articles (id) on delete cascade,
    parent_id       bigint      references comments (id) on delete cascade,
    reader_id       bigint      not null references readers (id) on delete cascade,
    author_name     text        not null,
    by_staff        boolean     not null default false,
    body_text       text        not null,
    body_html       text        not null,
    status          text        not null check (status in ('held', 'shown', 'rejected')),
    held_because    text,
    notify_email    text,                       -- set when the reader asked to hear of replies
    created_at      timestamptz not null,
    edited_at       timestamptz,
    deleted_at      timestamptz
);
create index comments_by_article on comments (article_id, created_at, id);
create index comments_by_reader on comments (reader_id, created_at desc);
create index comments_held on comments (created_at) where status = 'held';

create table comment_reports (
    comment_id  bigint      not null references comments (id) on delete cascade,
    reader_id   bigint      not null references readers (id) on delete cascade,
    reason      text        not null,
    created_at  timestamptz not null,
    primary key (comment_id, reader_id)
);

create table comment_bans (
    reader_id   bigint      primary key references readers (id) on delete cascade,
    staff_name  text        not null,
    banned_at   timestamptz not null
);

-- Words that hold a comment for moderation (matched case-insensitively as whole words).
create table comment_held_words (
    word    text primary key check (word = lower(word) and length(word) between 1 and 100)
);
