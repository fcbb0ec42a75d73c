package io.rigledger.platform.paging;

import io.rigledger.platform.config.PlatformConfig;
import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.ProblemException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagingTest {

    private static final byte[] KEY = "a test-only cursor key, 32+ bytes".getBytes(StandardCharsets.UTF_8);
    private static final CursorScope ORDERS_A = CursorScope.of("org-a", "purchase-orders", (Object) null);

    private final Paging paging = new Paging(100, 1000, 200, KEY);

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
    void aCursorGivesBackTheKeyItWasMadeFromUnderTheSameScope(@ForAll("keys") List<String> parts) {
        String cursor = paging.cursor(ORDERS_A, parts.toArray(String[]::new));
        assertEquals(parts, paging.after(cursor, parts.size(), ORDERS_A).parts());
        assertNull(paging.after(null, parts.size(), ORDERS_A));
        assertNull(paging.after("", parts.size(), ORDERS_A));
    }

    @Test
    void aCursorOfAnotherListIs400NamingCursor() {
        String cursor = paging.cursor(ORDERS_A, "42");
        assertInvalid(() -> paging.after(cursor, 1, CursorScope.of("org-a", "rigs", (Object) null)));
        assertInvalid(() -> paging.after(cursor, 1, CursorScope.of("org-a", "entries", (Object) null)));
    }

    @Test
    void aCursorOfAnotherFilterIs400NamingCursor() {
        String cursor = paging.cursor(ORDERS_A, "42");
        assertInvalid(() -> paging.after(cursor, 1, CursorScope.of("org-a", "purchase-orders", "PLACED")));
        assertInvalid(() -> paging.after(cursor, 1, CursorScope.of("org-a", "purchase-orders", "")));
        assertInvalid(() -> paging.after(cursor, 1, CursorScope.of("org-a", "purchase-orders")));
        assertInvalid(() -> paging.after(cursor, 1, CursorScope.of("org-a", "purchase-orders", null, null)));
    }

    @Test
    void aCursorIssuedToAnotherOrganisationIs400NamingCursor() {
        String cursorOfB = paging.cursor(CursorScope.of("org-b", "purchase-orders", (Object) null), "42");
        assertInvalid(() -> paging.after(cursorOfB, 1, ORDERS_A));
        // nor is an organisation's cursor good for the list shared by all, or the other way round
        assertInvalid(() -> paging.after(cursorOfB, 1, CursorScope.global("purchase-orders", (Object) null)));
        String global = paging.cursor(CursorScope.global("rig-models"), "antminer-s21");
        assertEquals(List.of("antminer-s21"), paging.after(global, 1, CursorScope.global("rig-models")).parts());
        assertInvalid(() -> paging.after(global, 1, CursorScope.of("org-a", "rig-models")));
    }

    @Test
    void aCursorSignedWithAnotherKeyIs400NamingCursor() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        String rotated = new Paging(100, 1000, 200, other).cursor(ORDERS_A, "42");
        assertInvalid(() -> paging.after(rotated, 1, ORDERS_A));
    }

    @Test
    void aCursorWithAnAlteredPartIs400NamingCursor() {
        String cursor = paging.cursor(ORDERS_A, "2026-11-28T10:15:30Z", "3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40");
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        raw[4] = (byte) (raw[4] == '1' ? '2' : '1'); // the year 2026 -> 2016 or 2126, the MAC kept
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertInvalid(() -> paging.after(altered, 2, ORDERS_A));
    }

    @Test
    void aCursorForgedWithARecomputedChecksumIs400NamingCursor() throws Exception {
        // what v1 allowed: write any position and recompute the (unkeyed) check over it
        String position = "v2|2026-11-28T10:15:30Z|3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40";
        CRC32C crc = new CRC32C();
        crc.update(position.getBytes(StandardCharsets.UTF_8));
        String v1 = "v1|2026-11-28T10:15:30Z|3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40|" + HexFormat.of().toHexDigits((int) crc.getValue());
        assertInvalid(() -> paging.after(base64(v1.getBytes(StandardCharsets.UTF_8)), 2, ORDERS_A));
        // the v2 layout with an unkeyed SHA-256 in place of the MAC, and with a MAC under a guessed (empty-ish) key
        byte[] body = position.getBytes(StandardCharsets.UTF_8);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
        assertInvalid(() -> paging.after(base64(concat(body, Arrays.copyOf(sha, 16))), 2, ORDERS_A));
        String guessed = new Paging(100, 1000, 200, new byte[32]).cursor(ORDERS_A, "2026-11-28T10:15:30Z",
                "3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40");
        assertInvalid(() -> paging.after(guessed, 2, ORDERS_A));
        // a real MAC moved onto another position
        byte[] real = Base64.getUrlDecoder().decode(paging.cursor(ORDERS_A, "2026-11-28T10:15:30Z",
                "3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40"));
        byte[] other = "v2|2026-11-28T10:15:30Z|00000000-0000-0000-0000-000000000000".getBytes(StandardCharsets.UTF_8);
        assertInvalid(() -> paging.after(base64(concat(other, Arrays.copyOfRange(real, real.length - 16, real.length))), 2,
                ORDERS_A));
    }

    @Property
    void anAlteredCursorIsRefused(@ForAll("keys") List<String> parts, @ForAll @IntRange(min = 0, max = 199) int at,
                                  @ForAll("base64url") char replacement) {
        String cursor = paging.cursor(ORDERS_A, parts.toArray(String[]::new));
        int i = at % cursor.length();
        String altered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
        Assume.that(!Arrays.equals(decodedOrNull(altered), Base64.getUrlDecoder().decode(cursor)));
        assertInvalid(() -> paging.after(altered, parts.size(), ORDERS_A));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "bm90LWEtY3Vyc29y", "djF8MXwy", "====", "%00", "a", "AAAAAAAAAAAAAAAAAAAAAAA"})
    void aCursorThisListDidNotIssueIs400NamingCursor(String cursor) {
        assertInvalid(() -> paging.after(cursor, 2, ORDERS_A));
    }

    @Test
    void aCursorWithAnotherNumberOfPartsIs400() {
        String cursor = paging.cursor(ORDERS_A, "a", "b");
        assertInvalid(() -> paging.after(cursor, 1, ORDERS_A));
    }

    @Test
    void aCursorOverTheDocumentedLengthIs400NamingCursorBeforeItIsRead() {
        ProblemException e = assertThrows(ProblemException.class, () -> paging.after("a".repeat(201), 1, ORDERS_A));
        assertNames("cursor", e);
        assertEquals("must be at most 200 characters", e.violations().get(0).message());
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
        CursorKey key = paging.after(paging.cursor(ORDERS_A, at.toString(), id.toString(), "42", "antminer-s21"), 4, ORDERS_A);
        assertEquals(at, key.instant(0));
        assertEquals(id, key.uuid(1));
        assertEquals(42L, key.number(2));
        assertEquals("antminer-s21", key.text(3));
    }

    @Test
    void aPageKeepsLimitRowsAndPointsPastTheLastOneOnlyWhenMoreExist() {
        Page<String> full = paging.page(List.of(1, 2, 3), 2, ORDERS_A, n -> new String[] {n.toString()}, n -> "row " + n);
        assertEquals(List.of("row 1", "row 2"), full.items());
        assertEquals(List.of("2"), paging.after(full.nextCursor(), 1, ORDERS_A).parts());

        Page<String> last = paging.page(List.of(1, 2), 2, ORDERS_A, n -> new String[] {n.toString()}, n -> "row " + n);
        assertEquals(List.of("row 1", "row 2"), last.items());
        assertNull(last.nextCursor());
    }

    @Test
    void aKeyPartMayNotHoldTheSeparator() {
        assertThrows(IllegalArgumentException.class, () -> paging.cursor(ORDERS_A, "a|b"));
    }

    @Test
    void theKeySettingIsBase64OfAtLeast32Bytes() {
        assertArrayEquals(KEY, Paging.key(Base64.getEncoder().encodeToString(KEY)));
        assertArrayEquals(KEY, Paging.key(Base64.getUrlEncoder().withoutPadding().encodeToString(KEY)));
        assertThrows(IllegalStateException.class, () -> Paging.key(Base64.getEncoder().encodeToString(new byte[31])));
        assertThrows(IllegalStateException.class, () -> Paging.key("not base64 at all!"));
        assertThrows(IllegalStateException.class, () -> new Paging(100, 1000, 200, new byte[16]));
    }

    @Test
    void aServiceWithoutACursorKeyRefusesToStartNamingTheSetting() {
        PlatformConfig.Page page = (PlatformConfig.Page) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PlatformConfig.Page.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "cursorKey" -> Optional.empty();
                    case "defaultLimit" -> 100;
                    case "maxLimit" -> 1000;
                    case "maxCursorLength" -> 200;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        PlatformConfig config = (PlatformConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PlatformConfig.class}, (proxy, method, args) -> page);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Paging(config));
        assertTrue(e.getMessage().startsWith("rigledger.page.cursor-key (environment RIGLEDGER_PAGE_CURSOR_KEY) is not set"),
                e.getMessage());
    }

    @Test
    void anOrganisationsListNeedsTheOrganisation() {
        assertThrows(IllegalArgumentException.class, () -> CursorScope.of(null, "purchase-orders"));
        assertThrows(IllegalArgumentException.class, () -> CursorScope.of(" ", "purchase-orders"));
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
        int bytes = ("v2|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8).length + 16;
        return (bytes * 4 + 2) / 3;
    }

    private static byte[] decodedOrNull(String cursor) {
        try {
            return Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String base64(byte[] raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** 400 naming cursor, with the one wording every refused cursor gets (it tells nothing of why). */
    private static void assertInvalid(Executable read) {
        ProblemException e = assertThrows(ProblemException.class, read);
        assertNames("cursor", e);
        assertEquals(Paging.invalidCursor().violations().get(0).message(), e.violations().get(0).message());
    }

    private static void assertNames(String field, ProblemException e) {
        assertEquals(400, e.status());
        assertEquals(List.of(field), e.violations().stream().map(Problem.Violation::field).toList());
    }
}
