-- The monthly magazine (news.masthead.magazine): issues and their tables of contents. An issue collects
-- newsroom articles in an order, optionally under departments; the cover is a photo of the library.

create table magazine_issues (
    id              bigserial primary key,
    number          int not null unique check (number > 0),
    slug            text not null unique,
    title           text not null,
    month           date not null check (extract(day from month) = 1),
    cover_photo_id  bigint references photos (id),
    letter_markdown text not null default '',
    letter_html     text not null default '',
    status          text not null default 'draft' check (status in ('draft', 'published')),
    published_at    timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create table magazine_entries (
    issue_id   bigint not null references magazine_issues (id) on delete cascade,
    article_id bigint not null references articles (id) on delete cascade,
    position   int not null check (position >= 0),
    department text not null default '',
    primary key (issue_id, article_id),
    unique (issue_id, position)
);
create index magazine_entries_article on magazine_entries (article_id);
