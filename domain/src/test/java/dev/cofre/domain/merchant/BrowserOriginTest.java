package dev.cofre.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BrowserOriginTest {

    @Test
    void an_origin_is_kept_as_browsers_print_it() {
        assertEquals("https://shop.example", BrowserOrigin.parse("o", " HTTPS://Shop.Example:443 ").get().value());
        assertEquals("http://localhost:3000", BrowserOrigin.parse("o", "http://localhost:3000").get().value());
        assertEquals("http://[::1]:8080", BrowserOrigin.parse("o", "http://[::1]:8080").get().value());
    }

    @Test
    void it_matches_only_the_same_scheme_host_and_port() {
        var origin = BrowserOrigin.parse("o", "https://shop.example").get();
        assertTrue(origin.matches("https://shop.example"));
        assertTrue(origin.matches("https://SHOP.example:443"));
        assertFalse(origin.matches("http://shop.example"));
        assertFalse(origin.matches("https://shop.example:8443"));
        assertFalse(origin.matches("https://evil.shop.example"));
        assertFalse(origin.matches("https://shop.example.evil"));
        assertFalse(origin.matches("null"));
        assertFalse(origin.matches(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://*.shop.example", "https://shop.example/", "https://shop.example/pay",
            "https://shop.example?x=1", "https://user@shop.example", "ftp://shop.example", "shop.example", "",
            "null", "javascript:alert(1)", "https://shop.example#top"})
    void wildcards_paths_users_and_other_schemes_are_not_origins(String raw) {
        var parsed = BrowserOrigin.parse("origins[0]", raw);
        assertTrue(parsed.isLeft(), raw);
        assertEquals("origins[0]", parsed.getLeft().errors().head().field());
    }
}
