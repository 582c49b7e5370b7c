package dev.krypton.kmip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.DecodeLimits;
import org.junit.jupiter.api.Test;

/** JSON string literals: escapes, characters outside the BMP, unpaired surrogates by policy; the JSON parser reads them back. */
class JsonStringsTest {

    private static String quote(String text, JsonStrings.Unpaired unpaired) {
        return JsonStrings.quote(new StringBuilder(), text, unpaired).toString();
    }

    private static String read(String literal) {
        return ((Json.Str) JsonParser.parse(literal, DecodeLimits.DEFAULT)).value();
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() throws Exception {
        String text = "a\"b\\c\nd\re\tf\u0000g\u001fh\u007fü€😀";
        String quoted = quote(text, JsonStrings.Unpaired.REFUSE);
        assertThat(quoted).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0000g\\u001fh\u007fü€😀\"");
        assertThat(read(quoted)).isEqualTo(text);
    }

    @Test
    void anUnpairedSurrogateIsEscapedOrRefused() throws Exception {
        String lone = "x\uD83Dy\uDE00";
        String escaped = quote(lone, JsonStrings.Unpaired.ESCAPE);
        assertThat(escaped).isEqualTo("\"x\\ud83dy\\ude00\"");
        assertThatThrownBy(() -> quote(lone, JsonStrings.Unpaired.REFUSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> quote("end\uD83D", JsonStrings.Unpaired.REFUSE)).isInstanceOf(IllegalArgumentException.class);
    }
}
