-- duty_quote_by_owner (V5) was written on every stored quote and read by no query: quotes are read
-- by id only (GET /api/duty-quotes/{id}, what-if's quoteIds, an entry naming its quote), and the
-- owner is checked on the row found. Dropping it takes one index insert off every quote's commit.
-- A list of an organisation's quotes, if one is ever offered, brings its own keyset index.
drop index duty_quote_by_owner;
