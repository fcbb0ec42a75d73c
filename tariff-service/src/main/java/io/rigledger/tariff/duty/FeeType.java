package io.rigledger.tariff.duty;

/** Entry fees: merchandise processing fee (19 CFR 24.23) and harbor maintenance fee (19 CFR 24.24). */
public enum FeeType {
    MPF, HMF
}
