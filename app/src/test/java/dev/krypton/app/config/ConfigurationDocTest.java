package dev.krypton.app.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md lists exactly the settings the code reads: its reference table must equal
 * the one generated from {@link Settings}. Regenerate with
 * {@code -Dkrypton.docs.write=true} after changing a setting.
 */
class ConfigurationDocTest {

    private static final String BEGIN = "<!-- settings:begin (generated from dev.krypton.app.config.Settings) -->\n";
    private static final String END = "<!-- settings:end -->";

    @Test
    void docsListExactlyTheSettingsOfTheCode() throws Exception {
        Path doc = Path.of("..", "docs", "configuration.md");
        String text = Files.readString(doc);
        int from = text.indexOf(BEGIN);
        int to = text.indexOf(END);
        assertThat(from).as("docs/configuration.md has the settings markers").isNotNegative();
        String generated = Settings.markdownTable();
        if (Boolean.getBoolean("krypton.docs.write")) {
            text = text.substring(0, from + BEGIN.length()) + generated + text.substring(to);
            Files.writeString(doc, text);
        }
        assertThat(text.substring(from + BEGIN.length(), text.indexOf(END))).isEqualTo(generated);
    }
}
