-- The schedule for HTS 8543.70 (ASIC miners: CBP NY N297495, HQ H300195; HQ H300063 refused 8471)
-- and origins CN, MY, TH, ID, US, dates of entry from 2019-01-01. Every row names its source;
-- confirmed = false where only third-party encodings or an unconfirmed heading back it.
insert into duty_measure (program, heading, hts_prefix, origin_countries, rate_percent, effective_from, effective_to,
                          legal_reference, source_note, confirmed, refundable, drawback_eligible,
                          non_us_content_only, us_content_heading)
values
    ('MFN', '8543.70.99', '8543.70', '{}', 2.6, '2019-01-01', '2022-01-27',
     'HTSUS 8543.70.99 column 1 general; CBP NY N297495, HQ H300195',
     'every origin but the US; statistical number 8543.70.9960', true, false, true, false, null),
    ('MFN', '8543.70.98', '8543.70', '{}', 2.6, '2022-01-27', null,
     'HTSUS 8543.70.98 column 1 general (renumbered 2022-01-27); CBP NY N297495, HQ H300195',
     'every origin but the US; statistical number 8543.70.9860', true, false, true, false, null),
    ('SECTION_301', '9903.88.02', '8543.70', '{CN}', 25, '2018-08-23', null,
     'USTR Section 301 List 2, 83 FR 40823', 'List 2 covers 8543.70.99 (List 3 does not); follows origin, not export',
     true, false, true, false, null),
    ('IEEPA_FENTANYL', '9903.01.20', '8543.70', '{CN}', 10, '2025-02-04', '2025-03-04',
     'EO 14195; CBP CSMS 64299816', 'first month, heading 9903.01.20', true, true, false, false, null),
    ('IEEPA_FENTANYL', '9903.01.24', '8543.70', '{CN}', 20, '2025-03-04', '2025-11-10',
     'EO 14195 as amended (20% from 2025-03-04)', '', true, true, false, false, null),
    ('IEEPA_FENTANYL', '9903.01.24', '8543.70', '{CN}', 10, '2025-11-10', '2026-02-24',
     'CBP CSMS 66749380; collection ended for entries from 2026-02-24 (CSMS 67834313)',
     'Learning Resources v. Trump (2026-02-20)', true, true, false, false, null),
    ('IEEPA_RECIPROCAL', '9903.01.25', '8543.70', '{CN,MY,TH,ID}', 10, '2025-04-05', '2025-04-09',
     'EO 14257', 'baseline 10%', true, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.01.63', '8543.70', '{CN}', 84, '2025-04-09', '2025-04-10',
     'EO 14257 as amended', 'one day; the announced 34% never took effect', true, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.01.53', '8543.70', '{MY}', 24, '2025-04-09', '2025-04-10',
     'EO 14257 Annex I', 'one day; the Malaysia heading is UNCONFIRMED', false, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.01.61', '8543.70', '{ID}', 32, '2025-04-09', '2025-04-10',
     'EO 14257 Annex I', 'one day', true, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.01.65', '8543.70', '{TH}', 36, '2025-04-09', '2025-04-10',
     'EO 14257 Annex I', 'one day', true, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.01.63', '8543.70', '{CN}', 125, '2025-04-10', '2025-05-14',
     'EO 14257 as amended', '', true, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.01.25', '8543.70', '{MY,TH,ID}', 10, '2025-04-10', '2025-08-07',
     'EO 14257 as amended (country rates paused)', '', true, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.01.25', '8543.70', '{CN}', 10, '2025-05-14', '2026-02-24',
     'EO 14298; collection ended for entries from 2026-02-24 (CSMS 67834313)', '', true, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.02.39', '8543.70', '{MY}', 19, '2025-08-07', '2026-02-24',
     'EO of 2025-07-31 (country rates); CSMS 67834313 ended collection', '', true, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.02.27', '8543.70', '{ID}', 19, '2025-08-07', '2026-02-24',
     'EO of 2025-07-31 (country rates); CSMS 67834313 ended collection', '', true, true, true, true, '9903.01.34'),
    ('IEEPA_RECIPROCAL', '9903.02.61', '8543.70', '{TH}', 19, '2025-08-07', '2026-02-24',
     'EO of 2025-07-31 (country rates); CSMS 67834313 ended collection', '', true, true, true, true, '9903.01.34'),
    ('SECTION_122', '9903.03.01', '8543.70', '{}', 10, '2026-02-24', '2026-07-24',
     'Section 122 of the Trade Act of 1974 (19 U.S.C. 2132); CBP CSMS 67844987',
     '15% was announced and never implemented', true, false, true, false, null),
    ('SECTION_301_FORCED_LABOR', '9903.05.31', '8543.70', '{CN}', 12.5, '2026-07-24', null,
     'FR Doc. 2026-15181', 'rate from third-party encodings (UNCONFIRMED); challenged at the CIT', false, false, true, false, null),
    ('SECTION_301_FORCED_LABOR', '9903.05.54', '8543.70', '{MY}', 10, '2026-07-24', null,
     'FR Doc. 2026-15181', 'rate from third-party encodings (UNCONFIRMED); challenged at the CIT', false, false, true, false, null),
    ('SECTION_301_FORCED_LABOR', '9903.05.45', '8543.70', '{ID}', 10, '2026-07-24', null,
     'FR Doc. 2026-15181', 'rate from third-party encodings (UNCONFIRMED); challenged at the CIT', false, false, true, false, null),
    ('SECTION_301_FORCED_LABOR', '9903.05.77', '8543.70', '{TH}', 12.5, '2026-07-24', null,
     'FR Doc. 2026-15181', 'rate from third-party encodings (UNCONFIRMED); challenged at the CIT', false, false, true, false, null);

insert into in_transit_relief (program, origin_countries, entered_from, entered_before, loaded_from, loaded_before,
                               transport_mode, rate_percent, heading, legal_reference, confirmed)
values
    ('IEEPA_FENTANYL', '{CN}', '2025-02-04', '2025-03-07', null, '2025-02-01', null, 0, '9903.01.23',
     'EO 14195 in-transit provision; CBP CSMS 64299816', true),
    ('IEEPA_RECIPROCAL', '{MY,TH,ID}', '2025-04-05', '2025-05-27', null, '2025-04-05', null, 0, '9903.01.28',
     'EO 14257 in-transit provision', true),
    ('IEEPA_RECIPROCAL', '{CN}', '2025-04-05', '2025-04-10', null, '2025-04-05', null, 0, '9903.01.28',
     'EO 14257 in-transit provision', true),
    ('IEEPA_RECIPROCAL', '{CN}', '2025-04-10', '2025-05-14', null, '2025-04-05', null, 0, '9903.01.28',
     'EO 14257 in-transit provision; its reach over the 125% China row is UNCONFIRMED', false),
    ('IEEPA_RECIPROCAL', '{CN}', '2025-05-14', '2025-05-27', null, '2025-04-05', null, 0, '9903.01.28',
     'EO 14257 in-transit provision', true),
    ('IEEPA_RECIPROCAL', '{MY,TH,ID}', '2025-04-09', '2025-05-27', '2025-04-05', '2025-04-09', null, 10, '9903.01.25',
     'EO 14257 as amended: goods loaded 04-05..04-08 keep the 10% baseline', true),
    ('IEEPA_RECIPROCAL', '{MY,TH,ID}', '2025-08-07', '2025-10-05', null, '2025-08-07', null, 10, '9903.01.25',
     'EO of 2025-07-31 in-transit provision', true),
    ('SECTION_122', '{}', '2026-02-24', '2026-02-28', null, '2026-02-24', null, 0, '9903.03.02',
     'Section 122 proclamation in-transit provision; CBP CSMS 67844987', true),
    ('SECTION_301_FORCED_LABOR', '{CN,MY,ID,TH}', '2026-07-24', '2026-07-28', null, '2026-07-24', null, 0, '9903.05.85',
     'FR Doc. 2026-15181 in-transit provision', true);

insert into hts_statistical_number (heading, number, effective_from, effective_to, legal_reference)
values ('8543.70', '8543.70.9960', '2019-01-01', '2022-01-27', 'HTSUS statistical notes (before 2022-01-27)'),
       ('8543.70', '8543.70.9860', '2022-01-27', null, 'HTSUS statistical notes (renumbered 2022-01-27)');

insert into fee_rate (fee_type, rate_percent, effective_from, effective_to, legal_reference, confirmed)
values ('MPF', 0.3464, '2019-01-01', null, '19 U.S.C. 58c(a)(9); 19 CFR 24.23; CBP Dec. 25-10 (90 FR 34665)', true),
       ('HMF', 0.125, '2019-01-01', null, '26 U.S.C. 4461; 19 CFR 24.24 (ocean shipments, no cap)', true);

insert into mpf_fiscal_year (fiscal_year, minimum, maximum, legal_reference, confirmed)
values (2019, 26.22, 508.70, '19 CFR 24.23 as adjusted for FY2019', true),
       (2020, 26.79, 519.76, '19 CFR 24.23 as adjusted for FY2020', true),
       (2021, 27.23, 528.33, '19 CFR 24.23 as adjusted for FY2021', true),
       (2022, 27.75, 538.40, '19 CFR 24.23 as adjusted for FY2022', true),
       (2023, 29.66, 575.35, '19 CFR 24.23 as adjusted for FY2023', true),
       (2024, 31.67, 614.35, '19 CFR 24.23 as adjusted for FY2024', true),
       (2025, 32.71, 634.62, '19 CFR 24.23 as adjusted for FY2025', true),
       (2026, 33.58, 651.50, 'CBP Dec. 25-10 (90 FR 34665)', true),
       (2027, 34.58, 670.86, 'third-party tools only (UNCONFIRMED)', false);

-- The seed is the first entry of every row's history; after_state is the row as the API shows it.
insert into schedule_change (entity, entity_id, action, changed_by, reason, after_state)
select 'MEASURE', id, 'SEED', 'flyway V4', 'initial schedule 2019-2026 from public sources',
       json_build_object('id', id, 'program', program, 'heading', heading, 'htsPrefix', hts_prefix,
           'originCountries', origin_countries, 'ratePercent', trim_scale(rate_percent),
           'effectiveFrom', effective_from, 'effectiveTo', effective_to, 'legalReference', legal_reference,
           'sourceNote', source_note, 'confirmed', confirmed, 'refundable', refundable,
           'drawbackEligible', drawback_eligible, 'nonUsContentOnly', non_us_content_only,
           'usContentHeading', us_content_heading, 'version', version)::text
from duty_measure order by id;
insert into schedule_change (entity, entity_id, action, changed_by, reason, after_state)
select 'FEE_RATE', id, 'SEED', 'flyway V4', 'initial fee rates',
       json_build_object('id', id, 'type', fee_type, 'ratePercent', trim_scale(rate_percent),
           'effectiveFrom', effective_from, 'effectiveTo', effective_to, 'legalReference', legal_reference,
           'confirmed', confirmed, 'version', version)::text
from fee_rate order by id;
insert into schedule_change (entity, entity_id, action, changed_by, reason, after_state)
select 'MPF_YEAR', fiscal_year, 'SEED', 'flyway V4', 'initial MPF limits FY2019-FY2027',
       json_build_object('fiscalYear', fiscal_year, 'minimum', minimum, 'maximum', maximum,
           'legalReference', legal_reference, 'confirmed', confirmed, 'version', version)::text
from mpf_fiscal_year order by fiscal_year;
