package io.rigledger.tariff.entry;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Entry numbers in the form of 19 CFR 142.3a(b), with or without hyphens; filer code 000 is none. */
class EntryNumberTest {

    @Test
    void hyphensAreOptionalAndTheNumberIsShownWithThem() {
        assertEquals(Optional.of("AB12345678" + "9"), EntryNumber.normalise("AB1-2345678-9"));
        assertEquals(Optional.of("AB123456789"), EntryNumber.normalise("AB123456789"));
        assertEquals("AB1-2345678-9", EntryNumber.display("AB123456789"));
    }

    @Test
    void wrongFormsAreRefused() {
        for (String bad : new String[] {"000-1234567-8", "ab1-2345678-9", "AB1-234567-9", "AB1-2345678-", "AB1_2345678_9",
                "AB1-2345678-99", "", " AB1-2345678-9"}) {
            assertEquals(Optional.empty(), EntryNumber.normalise(bad), bad);
        }
    }
}
