-- Every duty quote is kept, so an order can prove what it was told. body is the JSON answered to
-- POST /api/duty-quotes, byte for byte, and GET /api/duty-quotes/{id} answers it again; request is
-- what the caller asked (what-if re-quotes it). org is the organisation the quote belongs to: the
-- caller's token claim, or for a service account the X-On-Behalf-Of-Org header (null without it:
-- then only the service account that created it reads it).
create table duty_quote (
    id               uuid         primary key,
    org              varchar(255),
    created_by       varchar(255) not null,
    created_at       timestamptz  not null,
    entry_date       date         not null,
    schedule_version bigint       not null,
    request          text         not null,
    body             text         not null
);
create index duty_quote_by_owner on duty_quote (org, created_by);
