package io.rigledger.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A US state as its two-letter USPS code in upper case: the 50 states, the District of Columbia
 * ({@code DC}) and the territories Puerto Rico ({@code PR}), Guam ({@code GU}), the US Virgin Islands
 * ({@code VI}), American Samoa ({@code AS}) and the Northern Mariana Islands ({@code MP}).
 * Source: USPS Publication 28, Postal Addressing Standards, Appendix B (Two-Letter State and
 * Possession Abbreviations), https://pe.usps.com/text/pub28/28apb.htm. The military "states" (AA, AE, AP)
 * and the freely associated states (FM, MH, PW) are not places a site can be. Null is left to
 * {@code @NotNull}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UsStateValidator.class)
public @interface UsState {

    String message() default "must be the two-letter USPS code, in upper case, of a US state (such as TX),"
            + " DC, PR, GU, VI, AS or MP";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
