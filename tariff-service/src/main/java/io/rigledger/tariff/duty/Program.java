package io.rigledger.tariff.duty;

/**
 * The duty programs that stack on a line, in the order a quote lists them (the base rate first,
 * then the stack as it grew). Sources: HTSUS column 1 (MFN); USTR Section 301 List 2, 83 FR 40823;
 * FR Doc. 2026-15181 (Section 301 forced labour); EO 14195 (fentanyl); EO 14257 (reciprocal);
 * 19 U.S.C. 2132 (Section 122); Section 232 semiconductors (9903.79.01).
 */
public enum Program {
    MFN, SECTION_301, SECTION_301_FORCED_LABOR, IEEPA_FENTANYL, IEEPA_RECIPROCAL, SECTION_122, SECTION_232
}
