-- Outgoing mail. A row is written in the same transaction as the business write that causes it, and
-- a sender loop on any node delivers it later, so a slow SMTP server never holds up a request and a
-- crash never loses a mail. Without SMTP configured the loop writes the mail to the log ('logged').
create table outbox_mail (
    id              bigserial primary key,
    recipient       text        not null,
    subject         text        not null,
    text_body       text,                       -- erased once SMTP accepted the mail
    html_body       text,
    status          text        not null default 'queued'
                    check (status in ('queued', 'sent', 'failed', 'logged')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,       -- also the lease of a claimed mail
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);

create index outbox_mail_due on outbox_mail (next_attempt_at) where status = 'queued';
create index outbox_mail_recent on outbox_mail (created_at desc, id desc);
