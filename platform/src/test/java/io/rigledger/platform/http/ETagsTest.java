package io.rigledger.platform.http;

import io.rigledger.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ETagsTest {

    @Test
    void theETagIsTheVersionAsAStrongTag() {
        assertEquals("\"7\"", ETags.of(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "*", "\"6\", \"7\"", " \"7\" "})
    void ifMatchNamingTheCurrentVersionPasses(String ifMatch) {
        assertDoesNotThrow(() -> ETags.requireMatch(ifMatch, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"6\"", "W/\"7\"", "7", "\"07\"", "\"7\"x"})
    void ifMatchNamingAnotherVersionIs412(String ifMatch) {
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireMatch(ifMatch, 7));
        assertEquals(412, e.status());
        assertEquals("https://rigledger.io/problems/precondition-failed", e.kind().type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aMissingIfMatchIs428NamingTheHeader(String ifMatch) {
        for (String missing : new String[] {null, ifMatch}) {
            ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireMatch(missing, 7));
            assertEquals(428, e.status());
            assertEquals("If-Match", e.violations().get(0).field());
        }
    }
}
