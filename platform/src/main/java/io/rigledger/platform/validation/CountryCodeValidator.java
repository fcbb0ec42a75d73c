package io.rigledger.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Locale;
import java.util.Set;

/** Checks {@link CountryCode} against the JDK's list of assigned ISO 3166-1 alpha-2 codes. */
public class CountryCodeValidator implements ConstraintValidator<CountryCode, CharSequence> {

    /** The officially assigned codes, upper case, as the running JDK knows them. */
    static final Set<String> CODES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    /**
     * Whether {@code code} is an assigned ISO 3166-1 alpha-2 code in upper case.
     *
     * @param code the text to check; null counts as valid (absence is {@code @NotNull}'s business)
     * @return true for {@code US}, false for {@code us}, {@code XX}, {@code ZZ} or {@code USA}
     */
    public static boolean isCountryCode(CharSequence code) {
        return code == null || CODES.contains(code.toString());
    }

    @Override
    public boolean isValid(CharSequence code, ConstraintValidatorContext context) {
        return isCountryCode(code);
    }
}
