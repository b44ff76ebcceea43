-- The newsroom: sections, tags, authors, photos, articles with immutable revisions, corrections,
-- redirects kept when a URL changes, and the outbox that feeds each node's search index.

create table sections (
    id          bigserial primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text not null,
    description text not null default '',
    position    int not null default 0
);

create table tags (
    id   bigserial primary key,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name text not null
);

create table photos (
    id            bigserial primary key,
    sha256        text not null unique,
    original_name text not null,
    mime          text not null,
    width         int not null,
    height        int not null,
    caption       text not null default '',
    credit        text not null default '',
    alt_text      text not null default '',
    licence       text not null default '',
    bytes         bytea not null,
    created_at    timestamptz not null default now()
);

-- responsive derivatives, made once when the photo is uploaded
create table photo_renditions (
    photo_id bigint not null references photos (id) on delete cascade,
    width    int not null,
    mime     text not null,
    bytes    bytea not null,
    primary key (photo_id, width)
);

create table authors (
    id       bigserial primary key,
    slug     text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name     text not null,
    bio      text not null default '',
    photo_id bigint references photos (id),
    staff_id bigint references staff (id)
);

alter table site_settings add foreign key (logo_photo_id) references photos (id);

create table articles (
    id                    bigserial primary key,
    status                text not null default 'draft' check (status in ('draft', 'scheduled', 'published', 'unpublished')),
    publish_at            timestamptz,
    first_published_at    timestamptz,
    updated_visible_at    timestamptz,
    current_revision_id   bigint,
    published_revision_id bigint,
    -- the live projection of the published revision, kept for fast lists
    slug                  text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    section_id            bigint not null references sections (id),
    lock_staff_id         bigint references staff (id),
    lock_expires_at       timestamptz,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create index articles_published on articles (first_published_at desc) where status = 'published';
create index articles_section_published on articles (section_id, first_published_at desc) where status = 'published';
create index articles_scheduled on articles (publish_at) where status = 'scheduled';

create table article_revisions (
    id             bigserial primary key,
    article_id     bigint not null references articles (id),
    number         int not null,
    headline       text not null,
    seo_headline   text not null default '',
    standfirst     text not null default '',
    body_markdown  text not null default '',
    body_html      text not null default '',
    lead_photo_id  bigint references photos (id),
    section_id     bigint not null references sections (id),
    slug           text not null,
    author_ids     bigint[] not null default '{}',
    tag_ids        bigint[] not null default '{}',
    canonical_url  text not null default '',
    source_name    text not null default '',
    source_url     text not null default '',
    created_by     bigint references staff (id),
    created_at     timestamptz not null default now(),
    unique (article_id, number)
);

alter table articles add foreign key (current_revision_id) references article_revisions (id);
alter table articles add foreign key (published_revision_id) references article_revisions (id);

-- authors and tags of the published revision, for author and tag pages
create table article_authors (
    article_id bigint not null references articles (id) on delete cascade,
    author_id  bigint not null references authors (id),
    position   int not null,
    primary key (article_id, author_id)
);
create index article_authors_author on article_authors (author_id);

create table article_tags (
    article_id bigint not null references articles (id) on delete cascade,
    tag_id     bigint not null references tags (id),
    primary key (article_id, tag_id)
);
create index article_tags_tag on article_tags (tag_id);

create table corrections (
    id         bigserial primary key,
    article_id bigint not null references articles (id),
    body       text not null,
    created_by bigint references staff (id),
    created_at timestamptz not null default now()
);
create index corrections_article on corrections (article_id, created_at);

-- an old public path that now lives elsewhere (slug or section changes)
create table redirects (
    from_path  text primary key,
    to_path    text not null,
    created_at timestamptz not null default now()
);

-- change log written in the same transaction as the content; each node's search index follows it
create table outbox (
    id         bigserial primary key,
    topic      text not null,
    ref_id     bigint not null,
    created_at timestamptz not null default now()
);
