-- A stored quote's body holds everything its request held (entry and export dates, transport mode,
-- each line's HTS code, origin, customs value, quantity, US content percent), and what-if re-quotes
-- from the body: the request column only duplicated it, one more JSON text written and logged per
-- quote (about 190 bytes of WAL). It is no longer written: null for quotes stored from now on.
-- Kept (nullable) rather than dropped, so a pod of the previous version still inserts during a
-- rolling update; a later migration drops it.
alter table duty_quote alter column request drop not null;
