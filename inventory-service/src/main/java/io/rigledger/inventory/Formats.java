package io.rigledger.inventory;

/** The string formats the contract defines once and several features check (schemas ModelCode, CountryCode, SerialNumber). */
public final class Formats {

    public static final String MODEL_CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MODEL_CODE_MESSAGE = "must be a model code such as antminer-s21-xp";
    public static final int MODEL_CODE_MAX = 64;

    public static final String COUNTRY = "^[A-Z]{2}$";
    public static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 code such as MY";

    public static final String SERIAL_NUMBER = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    public static final String SERIAL_NUMBER_MESSAGE =
            "must start with a letter or digit and hold only letters, digits, '.', '_' and '-'";

    private Formats() {
    }
}
