-- Readers: people who sign in to the public site with a link sent by email (no password).
create table readers (
    id                bigserial primary key,
    email             text        not null,
    display_name      text        not null default '',
    created_at        timestamptz not null,
    email_verified_at timestamptz,
    -- set when the reader's data is erased (privacy work to come): the row stays for what refers to
    -- it, without the person's email or name, and can no longer sign in
    deleted_at        timestamptz
);
create unique index readers_email_unique on readers (lower(email)) where deleted_at is null;

-- A signed-in browser. Only the SHA-256 of the cookie value is stored; any node can check it.
create table reader_sessions (
    token_hash   text primary key,
    reader_id    bigint      not null references readers (id) on delete cascade,
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at   timestamptz not null
);
create index reader_sessions_reader on reader_sessions (reader_id);
create index reader_sessions_expires on reader_sessions (expires_at);

-- A link sent by email: to sign in (and so sign up) as that address, or to move a reader's account
-- to a new address. Single use (used_at), short-lived (expires_at); only the token's SHA-256 is kept.
-- Rows also count the requests for the rate limit (per address and per client IP).
create table sign_in_links (
    id          bigserial primary key,
    token_hash  text        not null unique,
    purpose     text        not null check (purpose in ('sign-in', 'email-change')),
    email       text        not null,
    reader_id   bigint references readers (id) on delete cascade,
    next_path   text,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_ip  text        not null,
    check (purpose = 'sign-in' or reader_id is not null)
);
create index sign_in_links_email on sign_in_links (lower(email), created_at);
create index sign_in_links_ip on sign_in_links (created_ip, created_at);
create index sign_in_links_expires on sign_in_links (expires_at);
