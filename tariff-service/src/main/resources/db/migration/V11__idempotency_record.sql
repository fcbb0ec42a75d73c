-- Idempotency-Key of the entry POSTs (a payment, a new entry, a liquidation, a refund claim or its
-- receipt, an origin audit ...), per organisation, read and written by the platform's
-- io.rigledger.platform.idempotency.Idempotency. Written in the same transaction as what the request
-- changed, so a request that failed leaves no key behind and a COMMIT whose outcome the client never
-- learned (503 outcome-unknown) stored both or neither: the retry with the same key answers the
-- stored response or does the step once. Kept rigledger.idempotency.ttl (24 h), then purged.
create table idempotency_record (
    org            varchar(255) not null,
    idem_key       varchar(255) not null,
    request_hash   char(64)     not null,
    status         integer      not null,
    body           text         not null,
    location       varchar(2048),
    etag           varchar(20),
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    primary key (org, idem_key)
);
create index idempotency_record_expiry on idempotency_record (expires_at);
