/**
 * Contract-driven bad input: {@link io.rigledger.testsupport.fuzz.BadInputPlan} reads a service's
 * contract and derives, for every operation, malformed requests from its schemas (wrong types,
 * nulls, missing and unknown fields, strings of 0, 10k and 1M characters, control characters,
 * numbers beyond bounds or with too many decimals, 1e308, empty and oversized arrays, malformed
 * UUIDs, dates and cursors, bad limits) and from its example body (truncation, nesting 10,000 deep,
 * duplicate keys, invalid UTF-8, wrong Content-Type and Accept), systematic first, then drawn with a
 * seeded random. The contract's own request validator decides what is bad.
 * {@link io.rigledger.testsupport.fuzz.BadInputRunner} sends them and checks each answer is a 4xx
 * application/problem+json the contract describes.
 */
package io.rigledger.testsupport.fuzz;
