-- The ePaper (feature: epaper). Epaper owns these tables alone.

-- A printing: one complete PDF of a day's edition, made by an upload, a page change or a build.
-- Never changed once processed; readers see the printing its edition points at (the atomic switch).
create table epaper_printings (
    id            bigserial   primary key,
    day           date        not null,
    status        text        not null check (status in ('processing', 'draft', 'published', 'failed')),
    source        text        not null check (length(source) between 1 and 200),
    pages         integer     not null default 0,
    pdf_bytes     bigint      not null default 0,
    sha256        text,
    notes         text        not null default '',
    error         text,
    made_by       text        not null,
    created_at    timestamptz not null,
    finished_at   timestamptz,
    published_at  timestamptz
);
create index epaper_printings_day on epaper_printings (day, id);

-- The day's edition as readers see it: which printing is live. Switching it is one update.
create table epaper_editions (
    day          date        primary key,
    printing_id  bigint      not null references epaper_printings (id),
    published_at timestamptz not null
);

-- The whole PDF in 1 MiB chunks, so it streams in and out without holding it in memory; PDFs are
-- already compressed, so TOAST keeps the chunks uncompressed (storage external).
create table epaper_pdf_chunks (
    printing_id bigint  not null references epaper_printings (id) on delete cascade,
    seq         integer not null,
    bytes       bytea   not null,
    primary key (printing_id, seq)
);
alter table epaper_pdf_chunks alter column bytes set storage external;

-- Each page on its own: a one-page PDF (what the page images are rendered from), its size in
-- points and its text layer (search within an edition).
create table epaper_pages (
    printing_id bigint  not null references epaper_printings (id) on delete cascade,
    page        integer not null check (page >= 1),
    width_pt    real    not null,
    height_pt   real    not null,
    pdf         bytea   not null,
    text        text    not null,
    primary key (printing_id, page)
);
alter table epaper_pages alter column pdf set storage external;
create index epaper_pages_text on epaper_pages using gin (to_tsvector('simple', text));

-- Which newsroom article is on which page of a built printing.
create table epaper_placements (
    printing_id bigint  not null references epaper_printings (id) on delete cascade,
    page        integer not null,
    article_id  bigint  not null,
    headline    text    not null,
    position    integer not null,
    primary key (printing_id, position)
);

-- Page images, rendered on first view (thumbnails when processed) and kept: derived, re-creatable.
create table epaper_page_images (
    printing_id bigint  not null references epaper_printings (id) on delete cascade,
    page        integer not null,
    width       integer not null,
    height      integer not null,
    bytes       bytea   not null,
    created_at  timestamptz not null,
    primary key (printing_id, page, width)
);
alter table epaper_page_images alter column bytes set storage external;

-- One row: the largest upload and the daily build time (site's zone; null: no scheduled build).
create table epaper_settings (
    id            integer primary key check (id = 1),
    max_upload_mb integer not null check (max_upload_mb between 1 and 2048),
    build_at      time
);
insert into epaper_settings (id, max_upload_mb, build_at) values (1, 200, null);
