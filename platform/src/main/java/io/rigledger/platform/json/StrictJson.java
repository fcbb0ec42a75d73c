package io.rigledger.platform.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.rigledger.platform.config.PlatformConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * JSON exactly as the contracts write it, in one place for the three services: a key twice in one
 * object, content after the document, unknown properties, a number for a string (or a string for a
 * number, boolean or date), a float for an integer, text with control characters or over 4,096
 * characters, a UUID that is not exactly canonical, and a date that
 * is not exactly {@code YYYY-MM-DD} inside the platform's range are all refused (400 naming the
 * field). Nulls are left out of answers, and decimals are written plain (5400.00, never 5.4E+3, even
 * for a BigDecimal of negative scale). Applied last, so these deserializers win over the
 * defaults Quarkus registers.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Read when the first date is read: the mapper is built while Quarkus starts, before runtime configuration. */
    @Inject
    Instance<PlatformConfig> config;

    @Override
    public void customize(ObjectMapper mapper) {
        customize(mapper, () -> config.get().dates().earliest(), () -> config.get().dates().latest());
    }

    /** The same strictness on any mapper (tests, tools), with a fixed date range. */
    public static void customize(ObjectMapper mapper, LocalDate earliest, LocalDate latest) {
        customize(mapper, () -> earliest, () -> latest);
    }

    private static void customize(ObjectMapper mapper, Supplier<LocalDate> earliest, Supplier<LocalDate> latest) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.getFactory().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.DateTime, LogicalType.Enum, LogicalType.OtherScalar)) {
            refuse(mapper, type, CoercionInputShape.EmptyString, CoercionInputShape.Boolean);
        }
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.Float);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.OtherScalar, CoercionInputShape.Integer, CoercionInputShape.Float);
        for (LogicalType type : List.of(LogicalType.Collection, LogicalType.Array, LogicalType.Map,
                LogicalType.POJO)) {
            refuse(mapper, type, CoercionInputShape.EmptyString, CoercionInputShape.String,
                    CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        }

        SimpleModule strict = new SimpleModule("rigledger-strict-json");
        strict.addDeserializer(String.class, new StrictText());
        strict.addDeserializer(LocalDate.class, new StrictDate(earliest, latest));
        strict.addDeserializer(UUID.class, new StrictUuid());
        mapper.registerModule(strict);
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
