-- A rig's current MAC (stored lower-case; null is "no MAC" and never matches) is unique within its
-- organisation among rigs in service: a RETIRED rig keeps its last MAC for the record but does not hold it.
-- Should an environment hold two rigs of one organisation with one current MAC, this fails and names the
-- index: resolve by PUT /api/rigs/{assetId}/mac on one of them, then migrate again.
create unique index rig_current_mac_unique_per_org on rig (org, mac) where mac is not null and status <> 'RETIRED';
