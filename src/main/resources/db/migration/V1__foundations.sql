-- Foundations: site settings, staff accounts, sessions, API tokens, login attempts.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table site_settings (
    id           int primary key default 1 check (id = 1),
    name         text not null default 'The Masthead Daily',
    tagline      text not null default '',
    logo_photo_id bigint,
    language     text not null default 'en',
    time_zone    text not null default 'UTC',
    footer_text  text not null default '',
    updated_at   timestamptz not null default now()
);
insert into site_settings (id) values (1);

create table staff (
    id            bigserial primary key,
    email         text not null,
    name          text not null,
    role          text not null check (role in ('contributor', 'editor', 'admin')),
    password_hash text,
    disabled      boolean not null default false,
    created_at    timestamptz not null default now()
);
create unique index staff_email_key on staff (lower(email));

-- a session is looked up by the SHA-256 of its cookie value, never by the value itself
create table staff_sessions (
    token_hash   text primary key,
    staff_id     bigint not null references staff (id) on delete cascade,
    csrf_token   text not null,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at   timestamptz not null
);
create index staff_sessions_staff on staff_sessions (staff_id);
create index staff_sessions_expiry on staff_sessions (expires_at);

create table api_tokens (
    id           bigserial primary key,
    name         text not null,
    token_hash   text not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create table login_attempts (
    id        bigserial primary key,
    email     text not null,
    ip        text not null,
    succeeded boolean not null,
    at        timestamptz not null default now()
);
create index login_attempts_email_at on login_attempts (lower(email), at);
create index login_attempts_ip_at on login_attempts (ip, at);
