package io.rigledger.inventory;

import io.rigledger.platform.json.StrictText;

/** The string formats the contract defines once and several features check (schemas ModelCode, SerialNumber, the organisation a service account names; CountryCode and UsState are the platform's constraints). */
public final class Formats {

    public static final String MODEL_CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MODEL_CODE_MESSAGE = "must be a model code such as antminer-s21-xp";
    public static final int MODEL_CODE_MAX = 64;

    public static final String SERIAL_NUMBER = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    public static final String SERIAL_NUMBER_MESSAGE =
            "must start with a letter or digit and hold only letters, digits, '.', '_' and '-'";

    /** An organisation id as a service account names it (RigBatch, LandedCostChange, listRigs' organisation). */
    public static final String ORGANISATION = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String ORGANISATION_MESSAGE = "must be an organisation id";
    public static final int ORGANISATION_MAX = 64;

    /**
     * What a free-text field's length bound says; the bound counts code points (@CodePointLength), as JSON
     * Schema's maxLength and PostgreSQL's varchar do, not UTF-16 units (@Size): 500 emoji are 500 characters.
     */
    public static final String LENGTH_MESSAGE = StrictText.BOUNDS_MESSAGE;

    private Formats() {
    }
}
