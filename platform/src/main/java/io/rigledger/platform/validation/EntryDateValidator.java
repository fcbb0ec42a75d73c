package io.rigledger.platform.validation;

import io.rigledger.platform.config.PlatformConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.time.Clock;
import java.time.LocalDate;

/** Checks {@link EntryDate} against the configured window; the message names the window's bounds. */
public class EntryDateValidator implements ConstraintValidator<EntryDate, LocalDate> {

    /** Resolved at the first check: Hibernate Validator builds its validators while Quarkus starts. */
    @Inject
    Instance<PlatformConfig> config;

    Clock clock = Clock.systemUTC();

    @Override
    public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
        if (date == null) {
            return true;
        }
        PlatformConfig.Dates.Entry window = config.get().dates().entry();
        LocalDate earliest = window.earliest();
        LocalDate latest = LocalDate.now(clock).plus(window.maxAhead());
        if (!date.isBefore(earliest) && !date.isAfter(latest)) {
            return true;
        }
        context.unwrap(HibernateConstraintValidatorContext.class)
                .addMessageParameter("earliest", earliest.toString())
                .addMessageParameter("latest", latest.toString());
        return false;
    }
}
