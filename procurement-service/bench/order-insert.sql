-- pgbench: what placing one three-line order writes, in one transaction: the order, its three lines
-- and the Idempotency-Key record with the answer's JSON (about the size the service stores).
select gen_random_uuid() as id, gen_random_uuid() as quote \gset
begin;
insert into purchase_order (id, org, status, supplier, incoterm, expected_export_date, expected_entry_date,
    transport_mode, destination_site, currency, total_value, estimate_status, quote_id, estimated_duty,
    estimated_fees, duty_quoted_at, duty_source, requote_attempts, created_at, created_by, updated_at, version)
values (:id, 'bench', 'DRAFT', 'Bitmain', 'FOB', '2026-12-01', '2026-12-15', 'OCEAN', 'DAL1', 'USD', 167602.00,
    'QUOTED', :quote, 30000.00, 200.00, now(), 'tariff-service', 0, now(), 'bench-operator', now(), 0);
insert into purchase_order_line (order_id, line_number, model_code, model_name, manufacturer, plant_code, hashrate_ths,
    quantity, unit_price, origin_country, hts_code, customs_value, estimated_duty, estimated_fees)
values (:id, 1, 'antminer-s21-xp', 'Antminer S21 XP', 'BITMAIN', 'BITMAIN-MY', 270, 10, 5400.00, 'MY', '8543.70.9860', 54000.00, 1404.00, 60.00);
insert into purchase_order_line (order_id, line_number, model_code, model_name, manufacturer, plant_code, hashrate_ths,
    quantity, unit_price, origin_country, hts_code, customs_value, estimated_duty, estimated_fees)
values (:id, 2, 'antminer-s21-pro', 'Antminer S21 Pro', 'BITMAIN', 'BITMAIN-CN', 234, 4, 3650.50, 'CN', '8543.70.9860', 14602.00, 4030.15, 20.00);
insert into purchase_order_line (order_id, line_number, model_code, model_name, manufacturer, plant_code, hashrate_ths,
    quantity, unit_price, origin_country, hts_code, customs_value, estimated_duty, estimated_fees)
values (:id, 3, 'antminer-s21', 'Antminer S21', 'BITMAIN', 'BITMAIN-ID', 200, 25, 3980.00, 'ID', '8543.70.9860', 99500.00, 2587.00, 120.00);
insert into idempotency_record (org, idem_key, request_hash, status, body, location, etag, created_at, expires_at)
values ('bench', :id, repeat('a', 64), 201, repeat('x', 1800), 'http://localhost/api/purchase-orders/' || :id, '"0"',
    now(), now() + interval '24 hours');
commit;
