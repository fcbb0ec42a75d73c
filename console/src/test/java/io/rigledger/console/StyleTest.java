package io.rigledger.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * console.css as served: the focus ring reaches 3:1 against every background it is drawn on (WCAG 2.2 1.4.11, contrast
 * ratio as WCAG 2.2 defines relative luminance; R-13b D3) and wide tables scroll inside their own box (R-13b D4).
 */
class StyleTest {

    @Test
    void theFocusRingReaches3To1AgainstThePagesTheHeadersAndTheHighlightedRowsBackgrounds() throws IOException {
        String css = css();
        String ring = find(css, "a:focus, button:focus, input:focus[^{]*\\{ outline: 3px solid (#[0-9a-fA-F]{6})");
        for (String background : new String[] {
                find(css, "--bg: (#[0-9a-fA-F]{6})"), find(css, "--band: (#[0-9a-fA-F]{6})"),
                find(css, "--warn-bg: (#[0-9a-fA-F]{6})"), find(css, "header\\.top \\{[^}]*background: (#[0-9a-fA-F]{6})")}) {
            double ratio = contrast(ring, background);
            assertTrue(ratio >= 3.0, "focus ring " + ring + " on " + background + ": " + ratio);
        }
    }

    @Test
    void wideTablesScrollInsideTheirOwnBox() throws IOException {
        assertTrue(css().contains(".table-wrap { overflow-x: auto;"), "the tables' wrapper scrolls sideways");
    }

    private static String css() throws IOException {
        try (InputStream in = StyleTest.class.getResourceAsStream("/META-INF/resources/console.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String find(String css, String regex) {
        Matcher m = Pattern.compile(regex).matcher(css);
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    /** WCAG 2.2's contrast ratio (L1 + 0.05) / (L2 + 0.05) of two #rrggbb colours. */
    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            sum += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }
}
