-- Receipts (membership): one per provider invoice, whichever webhook (checkout completed or invoice paid)
-- arrives first, so a redelivered or reordered event never mails a second receipt; and the period paid for.
alter table receipts add column invoice_ref text;
alter table receipts add column period_start timestamptz;
alter table receipts add column period_end timestamptz;
alter table receipts add column plan_name text;
create unique index receipts_invoice_ref on receipts (invoice_ref) where invoice_ref is not null;
