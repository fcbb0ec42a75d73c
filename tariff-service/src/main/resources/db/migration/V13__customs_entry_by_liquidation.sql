-- GET /api/deadlines reads only the entries whose deadlines can fall in its window (DueDates): each deadline
-- is a fixed number of days or years after the date of entry (customs_entry_by_date, V6) or after the
-- liquidation (CAPE 80 days, protest 180 days), so the window becomes a range of either date. This index
-- serves the liquidation's ranges; entries not liquidated are not in it.
create index customs_entry_by_liquidation on customs_entry (org, liquidation_date) where liquidation_date is not null;
