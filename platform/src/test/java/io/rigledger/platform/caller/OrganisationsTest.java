package io.rigledger.platform.caller;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrganisationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"northwind", "org-3f2a6c1e-8b4d-4e7a-9c1f-2d5e8a7b6c40", "a", "7", "acme-2"})
    void namesTheRealmIssuesAreOrganisations(String org) {
        assertTrue(Organisations.isValid(org));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " northwind", "northwind ", "Northwind", "north_wind", "-north", "north-", "north--wind",
            "north.wind", "n\u00f4rth", "north\u0000", "north wind", "\uff4e"})
    void anythingElseIsNot(String org) {
        assertFalse(Organisations.isValid(org));
    }

    @Property
    void theLengthLimitIsInclusive(@ForAll("words") String org) {
        assertEquals(org.length() <= 64, Organisations.isValid(org));
    }

    @Property
    void validMeansLowerCaseWordsJoinedBySingleHyphens(@ForAll("anyText") String text) {
        boolean expected = !text.isEmpty() && text.length() <= 64 && !text.startsWith("-") && !text.endsWith("-")
                && !text.contains("--") && text.chars().allMatch(c -> c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
        assertEquals(expected, Organisations.isValid(text));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20).list().ofMinSize(1).ofMaxSize(8)
                .map(w -> String.join("-", w));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().withChars("abz09-_A .\u00f4").ofMaxLength(70);
    }
}
