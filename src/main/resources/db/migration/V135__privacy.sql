-- Privacy rights (feature: privacy): the staff audit log and the privacy settings.

-- What staff did to or about a reader (and what readers did to their own account that erased data):
-- who, what, which reader, when. No foreign key to readers: an erased reader's row stays anyway, and
-- the log must outlive whatever it describes.
create table staff_audit (
    id         bigserial   primary key,
    at         timestamptz not null,
    actor      text        not null check (length(actor) between 1 and 300),
    action     text        not null check (length(action) between 1 and 100),
    reader_id  bigint,
    detail     text        not null default ''
);
create index staff_audit_at on staff_audit (at desc, id desc);
create index staff_audit_reader on staff_audit (reader_id, at desc);

-- One row at most; without it the code's defaults apply (anonymise comments, keep sent mail 30 days ...).
create table privacy_settings (
    id                       int     primary key check (id = 1),
    comment_erasure          text    not null check (comment_erasure in ('anonymise', 'remove')),
    keep_sign_in_links_days  integer not null check (keep_sign_in_links_days between 1 and 3650),
    keep_login_attempts_days integer not null check (keep_login_attempts_days between 1 and 3650),
    keep_sent_mail_days      integer not null check (keep_sent_mail_days between 1 and 3650)
);
