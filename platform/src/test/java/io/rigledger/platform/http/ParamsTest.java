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
}
