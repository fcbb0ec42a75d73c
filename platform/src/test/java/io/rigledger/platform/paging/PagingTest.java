package io.rigledger.platform.paging;

import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.ProblemException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {

    private final Paging paging = new Paging(100, 1000, 200);

    @Test
    void noLimitMeansTheDefault() {
        assertEquals(100, paging.limit(null));
        assertEquals(100, paging.limit(""));
    }

    @Property
    void everyLimitFromOneToTheMaximumIsTakenAsWritten(@ForAll @IntRange(min = 1, max = 1000) int limit) {
        assertEquals(limit, paging.limit(Integer.toString(limit)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "-1", "0", "1001", "99999", "2147483648", "99999999999999999999", " 10", "10 ",
            "+10", "1e2", "10.0", "0x10", "\uFF11\uFF10", "\u0661\u0660", "\u0967\u0966", "1\u0000"})
    void aLimitThatIsNotOneToTheMaximumInAsciiDigitsIs400NamingLimit(String limit) {
        assertNames("limit", assertThrows(ProblemException.class, () -> paging.limit(limit)));
    }

    @Property
    void aCursorGivesBackTheKeyItWasMadeFrom(@ForAll("keys") List<String> parts) {
        String cursor = paging.cursor(parts.toArray(String[]::new));
        assertEquals(parts, paging.after(cursor, parts.size()).parts());
    }

    @Test
    void aCursorBoundToAListAndFilterNamesItsPositionThereAndIs400NamingCursorAnywhereElse() {
        String cursor = paging.cursorIn("rigs?status=RMA", "42");
        assertEquals(List.of("42"), paging.after(cursor, 1, "rigs?status=RMA").parts());
        assertNull(paging.after(null, 1, "rigs?status=RMA"));
        assertNames("cursor", assertThrows(ProblemException.class, () -> paging.after(cursor, 1, "rigs?status=RECEIVED")));
        assertNames("cursor", assertThrows(ProblemException.class, () -> paging.after(cursor, 1, "sites")));
        assertNames("cursor", assertThrows(ProblemException.class, () -> paging.after(paging.cursor("42"), 1, "rigs?")));
    }

    @Property
    void anAlteredCursorIsRefusedOrNamesTheSamePosition(@ForAll("keys") List<String> parts,
                                                        @ForAll @IntRange(min = 0, max = 199) int at,
                                                        @ForAll("base64url") char replacement) {
        String cursor = paging.cursor(parts.toArray(String[]::new));
        int i = at % cursor.length();
        String altered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
        try {
            assertEquals(parts, paging.after(altered, parts.size()).parts());
        } catch (ProblemException e) {
            assertNames("cursor", e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "bm90LWEtY3Vyc29y", "djF8MXwy", "====", "%00"})
    void aCursorThisListDidNotIssueIs400NamingCursor(String cursor) {
        assertNames("cursor", assertThrows(ProblemException.class, () -> paging.after(cursor, 2)));
    }

    @Test
    void aCursorWithAnotherNumberOfPartsIs400() {
        String cursor = paging.cursor("a", "b");
        assertNames("cursor", assertThrows(ProblemException.class, () -> paging.after(cursor, 1)));
    }

    @Test
    void aCursorOverTheDocumentedLengthIs400NamingCursorBeforeItIsRead() {
        ProblemException e = assertThrows(ProblemException.class, () -> paging.after("a".repeat(201), 1));
        assertNames("cursor", e);
        assertEquals("must be at most 200 characters", e.violations().get(0).message());
    }

    @Test
    void aCursorOfInvalidUtf8IsRefused() {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {'v', '1', '|', (byte) 0xC0,
                (byte) 0xAF, '|', '0'});
        assertNames("cursor", assertThrows(ProblemException.class, () -> paging.after(cursor, 1)));
    }

    @Test
    void keyPartsThatDoNotParseOrReachOutsideTheDatabasesRangeAre400() {
        CursorKey key = new CursorKey(List.of("+1000000000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "yesterday",
                "3F2A6C1E-8B4D-4E7A-9C1F-2D5E8A7B6C40", "1-1-1-1-1", "twelve", "nul\u0000"));
        for (int i = 0; i < 3; i++) {
            int part = i;
            assertNames("cursor", assertThrows(ProblemException.class, () -> key.instant(part)));
        }
        assertNames("cursor", assertThrows(ProblemException.class, () -> key.uuid(3)));
        assertNames("cursor", assertThrows(ProblemException.class, () -> key.uuid(4)));
        assertNames("cursor", assertThrows(ProblemException.class, () -> key.number(5)));
        assertNames("cursor", assertThrows(ProblemException.class, () -> key.text(6)));
    }

    @Test
    void keyPartsReadBackAsTheirTypes() {
        Instant at = Instant.parse("2026-11-28T10:15:30.123456Z");
        UUID id = UUID.randomUUID();
        CursorKey key = paging.after(paging.cursor(at.toString(), id.toString(), "42", "antminer-s21"), 4);
        assertEquals(at, key.instant(0));
        assertEquals(id, key.uuid(1));
        assertEquals(42L, key.number(2));
        assertEquals("antminer-s21", key.text(3));
    }

    @Test
    void aPageKeepsLimitRowsAndPointsPastTheLastOneOnlyWhenMoreExist() {
        Page<String> full = paging.page(List.of(1, 2, 3), 2, n -> new String[] {n.toString()}, n -> "row " + n);
        assertEquals(List.of("row 1", "row 2"), full.items());
        assertEquals(List.of("2"), paging.after(full.nextCursor(), 1).parts());

        Page<String> last = paging.page(List.of(1, 2), 2, n -> new String[] {n.toString()}, n -> "row " + n);
        assertEquals(List.of("row 1", "row 2"), last.items());
        assertNull(last.nextCursor());
    }

    @Test
    void aKeyPartMayNotHoldTheSeparator() {
        assertThrows(IllegalArgumentException.class, () -> paging.cursor("a|b"));
    }

    @Provide
    Arbitrary<List<String>> keys() {
        return Arbitraries.strings().withCharRange('!', '~').withChars("\u00f4\u20ac ").ofMaxLength(20)
                .filter(s -> s.indexOf('|') < 0).list().ofMinSize(1).ofMaxSize(3)
                .filter(parts -> paging(parts) <= 200);
    }

    @Provide
    Arbitrary<Character> base64url() {
        return Arbitraries.of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".chars()
                .mapToObj(c -> (char) c).toList());
    }

    private static int paging(List<String> parts) {
        int bytes = ("v1|" + String.join("|", parts) + "|00000000").getBytes(StandardCharsets.UTF_8).length;
        return (bytes * 4 + 2) / 3;
    }

    private static void assertNames(String field, ProblemException e) {
        assertEquals(400, e.status());
        assertEquals(List.of(field), e.violations().stream().map(Problem.Violation::field).toList());
    }
}
