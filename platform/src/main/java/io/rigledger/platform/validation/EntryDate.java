package io.rigledger.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date of entry (CBP, 19 CFR 141.68) RigLedger can quote: from {@code rigledger.dates.entry.earliest}
 * (2019-01-01, where the schedule starts) to {@code rigledger.dates.entry.max-ahead} (one year)
 * after today, UTC. Null is left to {@code @NotNull}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EntryDateValidator.class)
public @interface EntryDate {

    String message() default "must be a date of entry from {earliest} to {latest}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
