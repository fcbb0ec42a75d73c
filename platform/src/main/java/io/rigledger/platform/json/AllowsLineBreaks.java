package io.rigledger.platform.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field (a note, a description) that may hold line breaks and tabs (U+000A, U+000D,
 * U+0009). Every other text field refuses all control characters ({@link StrictText}).
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowsLineBreaks {
}
