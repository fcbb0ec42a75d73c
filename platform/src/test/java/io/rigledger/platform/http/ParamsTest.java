package io.rigledger.platform.http;

import io.rigledger.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParamsTest {

    @Test
    void aCanonicalUuidIsRead() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Params.uuid("id", id.toString()));
        assertEquals(id, Params.uuid("id", id.toString().toUpperCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "3f2a6c1e8b4d4e7a9c1f2d5e8a7b6c40", "{3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40}",
            "3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c4", "3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c400", "3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c4g",
            "\uff13f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40", ""})
    void anythingElseIs400NamingTheParameter(String value) {
        ProblemException e = assertThrows(ProblemException.class, () -> Params.uuid("id", value));
        assertEquals(400, e.status());
        assertEquals("id", e.violations().get(0).field());
    }

    @Test
    void aWholeNumberInAsciiDigitsInsideItsBoundsIsRead() {
        assertEquals(1L, Params.id("id", "1"));
        assertEquals(Long.MAX_VALUE, Params.id("id", "9223372036854775807"));
        assertEquals(2026L, Params.whole("fiscalYear", "2026", 2000, 2100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "9223372036854775808", "99999999999999999999999", "ten", "1.5", "1e3", "+1", " 1",
            "0x10", "1_0", "\uff11", "\u0661\u0660", "\u0967", ""})
    void anyOtherIdIs400NamingTheParameter(String value) {
        // found by the bad-input test: long path parameters answered 404, and "\uff11" read as 1
        ProblemException e = assertThrows(ProblemException.class, () -> Params.id("id", value));
        assertEquals("id", e.violations().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999", "2101", "\uff12\uff10\uff12\uff16"})
    void aYearOutsideItsBoundsIs400(String value) {
        assertEquals("fiscalYear", assertThrows(ProblemException.class,
                () -> Params.whole("fiscalYear", value, 2000, 2100)).violations().get(0).field());
    }
}
