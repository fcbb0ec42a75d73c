package io.rigledger.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StackSettingsTest {

    @Test
    void keycloakHostnameIsAFullUrlWithoutTrailingSlash() {
        assertEquals("http://localhost:8180", StackSettings.publicUrl("http://localhost:8180/"));
        assertEquals("https://auth.example.org/kc", StackSettings.publicUrl("https://auth.example.org/kc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8180", "ftp://localhost", "http://", "http://host/?q=1", "http://host/#x"})
    void keycloakHostnameWithoutSchemeOrHostIsRefused(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StackSettings.publicUrl(value));
        assertEquals("setting keycloak.hostname must be a URL such as http://localhost:8180, not " + value, e.getMessage());
    }
}
