package io.rigledger.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Set;

/**
 * Checks {@link UsState}: the USPS two-letter codes of USPS Publication 28, Appendix B, for the 50 states,
 * DC, PR, GU, VI, AS and MP.
 */
public class UsStateValidator implements ConstraintValidator<UsState, CharSequence> {

    /** The 50 states (USPS Publication 28, Appendix B). */
    static final Set<String> STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
            "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
            "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
            "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY");

    /** The District of Columbia and the five inhabited territories (USPS Publication 28, Appendix B). */
    static final Set<String> DISTRICT_AND_TERRITORIES = Set.of("DC", "PR", "GU", "VI", "AS", "MP");

    /**
     * Whether {@code code} is one of the accepted USPS codes, in upper case.
     *
     * @param code the text to check; null counts as valid (absence is {@code @NotNull}'s business)
     * @return true for {@code TX} or {@code PR}, false for {@code tx}, {@code XX} or {@code AE}
     */
    public static boolean isUsState(CharSequence code) {
        if (code == null) {
            return true;
        }
        String text = code.toString();
        return STATES.contains(text) || DISTRICT_AND_TERRITORIES.contains(text);
    }

    @Override
    public boolean isValid(CharSequence code, ConstraintValidatorContext context) {
        return isUsState(code);
    }
}
