-- The layers that stacked on top of MFN for ASIC miners (HTS 8543.70), by date of entry, from
-- docs/domain.md. Rows whose source could not be verified are confirmed = false: they are
-- data an admin corrects, not truth. Headings are given only where the source names them.
--
-- Not modelled here (documented limits of the schedule): the in-transit rule of the 2025-08-07
-- reciprocal change (goods entered before 2025-10-05 kept the old rate), the split of lines with
-- at least 20% US content, and the Section 122 exemptions 9903.03.02-.11.
alter table duty_rate alter column heading drop not null;

insert into duty_rate (layer, heading, description, hts_prefix, origin_country, rate_percent,
                       effective_from, effective_to, confirmed, source)
values
    ('SECTION_301', '9903.88.03', 'Section 301 List 3', '8543.70', 'CN', 10.0000,
     '2018-09-24', '2019-05-10', false, 'USTR List 3 notice (list placement unconfirmed)'),
    ('SECTION_301', '9903.88.03', 'Section 301 List 3', '8543.70', 'CN', 25.0000,
     '2019-05-10', null, true, 'strtrade 2022; Compass Mining 2025'),
    ('IEEPA_FENTANYL', '9903.01.24', 'IEEPA fentanyl (China)', '8543.70', 'CN', 10.0000,
     '2025-02-04', '2025-03-04', true, 'EO 14195'),
    ('IEEPA_FENTANYL', '9903.01.24', 'IEEPA fentanyl (China)', '8543.70', 'CN', 20.0000,
     '2025-03-04', '2025-11-10', true, 'EO 14228'),
    ('IEEPA_FENTANYL', '9903.01.24', 'IEEPA fentanyl (China)', '8543.70', 'CN', 10.0000,
     '2025-11-10', '2026-02-24', true, 'CBP CSMS 66749380; collection ended 2026-02-24 (CSMS 67834313)'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal (China)', '8543.70', 'CN', 34.0000,
     '2025-04-05', '2025-04-09', true, 'EO 14257'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal (China)', '8543.70', 'CN', 84.0000,
     '2025-04-09', '2025-04-10', true, 'EO 14259'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal (China)', '8543.70', 'CN', 125.0000,
     '2025-04-10', '2025-05-14', true, 'EO 14266'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal (China)', '8543.70', 'CN', 10.0000,
     '2025-05-14', '2026-02-24', true, 'Rate held to 2026-11-10; collection ended 2026-02-24 (CSMS 67834313)'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal baseline', '8543.70', 'MY', 10.0000,
     '2025-04-05', '2025-08-07', true, 'EO 14257'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal baseline', '8543.70', 'ID', 10.0000,
     '2025-04-05', '2025-08-07', true, 'EO 14257'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal baseline', '8543.70', 'TH', 10.0000,
     '2025-04-05', '2025-08-07', true, 'EO 14257'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal', '8543.70', 'MY', 19.0000,
     '2025-08-07', '2026-02-24', true, 'EO of 2025-07-31; collection ended 2026-02-24 (CSMS 67834313)'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal', '8543.70', 'ID', 19.0000,
     '2025-08-07', '2026-02-24', true, 'EO of 2025-07-31; collection ended 2026-02-24 (CSMS 67834313)'),
    ('IEEPA_RECIPROCAL', null, 'IEEPA reciprocal', '8543.70', 'TH', 19.0000,
     '2025-08-07', '2026-02-24', true, 'EO of 2025-07-31; collection ended 2026-02-24 (CSMS 67834313)'),
    ('SECTION_122', '9903.03.01', 'Section 122 surcharge', '8543.70', null, 10.0000,
     '2026-02-24', '2026-07-24', false, '10% in force; 15% announced (unconfirmed); exemptions 9903.03.02-.11 not modelled');
