package dev.krypton.app.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krypton.app.AppException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void recordIsOneJsonObjectOnOneLineWithTheFixedFields() throws Exception {
        LogRecord r = record(Level.INFO, "KMIP server listening on {0}:{1}", "127.0.0.1", "5696");
        String line = formatter.format(r);
        assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        JsonNode doc = json.readTree(line);
        assertThat(doc.get("level").asText()).isEqualTo("INFO");
        assertThat(doc.get("logger").asText()).isEqualTo("dev.krypton.kmip.server.KmipServer");
        assertThat(doc.get("message").asText()).isEqualTo("KMIP server listening on 127.0.0.1:5696");
        assertThat(doc.get("time").asText()).isEqualTo(r.getInstant().toString());
        assertThat(doc.has("thread")).isTrue();
    }

    @Test
    void namedParametersOfASecurityEventBecomeFields() throws Exception {
        JsonNode doc = json.readTree(formatter.format(record(Level.WARNING,
                "security event=kmip-identity-refused subject={0} rule={1} peer={2}: closing", "CN=x\"y\n", "SubjectCn[]", "/10.0.0.1:4242")));
        assertThat(doc.get("level").asText()).isEqualTo("WARNING");
        assertThat(doc.get("event").asText()).isEqualTo("kmip-identity-refused");
        assertThat(doc.get("subject").asText()).isEqualTo("CN=x\"y\n");
        assertThat(doc.get("peer").asText()).isEqualTo("/10.0.0.1:4242");
        assertThat(doc.get("message").asText()).startsWith("security event=kmip-identity-refused subject=CN=x\"y\n rule=SubjectCn[]");
    }

    @Test
    void fixedFieldsAreNotOverwrittenAndByteArraysAreNeverWritten() throws Exception {
        byte[] key = {0x13, 0x37, 0x42, 0x42};
        JsonNode doc = json.readTree(formatter.format(record(Level.SEVERE, "level={0} material={1} chars={2}", "fake", key,
                "secret".toCharArray())));
        assertThat(doc.get("level").asText()).isEqualTo("ERROR");
        assertThat(doc.get("material").asText()).isEqualTo("(4 bytes)");
        assertThat(doc.get("chars").asText()).isEqualTo("(6 chars)");
        assertThat(doc.toString()).doesNotContain("secret");
    }

    @Test
    void exceptionIsClassAndMessageWithoutStackTrace() throws Exception {
        LogRecord r = record(Level.FINE, "connection ended");
        r.setThrown(new IOException("peer reset"));
        JsonNode doc = json.readTree(formatter.format(r));
        assertThat(doc.get("level").asText()).isEqualTo("DEBUG");
        assertThat(doc.get("error").asText()).isEqualTo("java.io.IOException: peer reset");
        assertThat(doc.toString()).doesNotContain("\tat ");
    }

    @Test
    void formatNamesAreTextOrJson() {
        assertThat(LogFormat.parse("JSON")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> LogFormat.parse("xml")).isInstanceOfSatisfying(AppException.class, e -> assertThat(e.usage()).isTrue());
    }

    private static LogRecord record(Level level, String message, Object... params) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("dev.krypton.kmip.server.KmipServer");
        r.setParameters(params);
        return r;
    }
}
