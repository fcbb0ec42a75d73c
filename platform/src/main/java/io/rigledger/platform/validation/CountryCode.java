package io.rigledger.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A country as an ISO 3166-1 alpha-2 code in upper case ({@code US}, {@code CN}, {@code MY}): one of the
 * officially assigned codes the JDK keeps, {@code Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)}
 * (source: ISO 3166-1, as maintained in the JDK's locale data). User-assigned codes ({@code XX}, {@code ZZ},
 * {@code AA}, {@code QM}..{@code QZ}, {@code XA}..{@code XZ}) and lower case are refused. Null is left to
 * {@code @NotNull}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CountryCodeValidator.class)
public @interface CountryCode {

    String message() default "must be an ISO 3166-1 alpha-2 country code in upper case, such as US, CN or MY";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
