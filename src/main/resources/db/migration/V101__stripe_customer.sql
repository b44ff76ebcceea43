-- The payment provider's customer (Stripe's cus_...), for its customer portal.
alter table subscriptions add column provider_customer text;
