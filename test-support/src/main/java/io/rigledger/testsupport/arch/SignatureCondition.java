package io.rigledger.testsupport.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A class whose fields, methods and constructors do not mention a kind of type anywhere in their
 * signatures: field types, return types, parameter types, including type arguments
 * ({@code List<Rig>}, {@code RestResponse<Rig>}, {@code Optional<Rig>}).
 */
final class SignatureCondition extends ArchCondition<JavaClass> {

    private final DescribedPredicate<JavaClass> forbidden;

    private SignatureCondition(DescribedPredicate<JavaClass> forbidden) {
        super("not mention " + forbidden.getDescription() + " in any field, method or constructor signature");
        this.forbidden = forbidden;
    }

    static SignatureCondition notMention(DescribedPredicate<JavaClass> forbidden) {
        return new SignatureCondition(forbidden);
    }

    @Override
    public void check(JavaClass item, ConditionEvents events) {
        for (JavaField field : item.getFields()) {
            report(events, field.getType(), field.getFullName() + " is of type");
        }
        for (JavaCodeUnit unit : item.getCodeUnits()) {
            if (unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                continue;
            }
            report(events, unit.getReturnType(), unit.getFullName() + " returns");
            for (JavaType parameter : unit.getParameterTypes()) {
                report(events, parameter, unit.getFullName() + " takes");
            }
        }
    }

    private void report(ConditionEvents events, JavaType type, String where) {
        List<String> found = new ArrayList<>();
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            if (forbidden.test(raw)) {
                found.add(raw.getName());
            }
        }
        if (!found.isEmpty()) {
            events.add(SimpleConditionEvent.violated(type, where + " " + type.getName() + ", which involves "
                    + forbidden.getDescription() + " " + found));
        }
    }
}
