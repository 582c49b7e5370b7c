package dev.krypton.app.logging;

import dev.krypton.kmip.text.JsonStrings;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON object per log record, on one line: {@code time} (ISO-8601 UTC), {@code level}
 * ({@code ERROR}, {@code WARNING}, {@code INFO}, {@code DEBUG}, {@code TRACE}, the
 * {@code System.Logger} names), {@code logger}, {@code message}, {@code thread}, and {@code error}
 * (exception class and message, no stack trace) when one is attached.
 *
 * <p>Structured fields: every {@code name={n}} in the message template (for example
 * {@code "security event=kmip-identity-refused subject={0} peer={1}"}) also becomes a top-level
 * field {@code "name": "<parameter n>"}, and every literal {@code name=word} a field with that
 * word ({@code "event": "kmip-identity-refused"}), so security events can be filtered without
 * parsing the text. Names of the fixed fields are not overwritten. Byte and char arrays are never written, only
 * their length, so a key handed to a logger by mistake does not reach the log.
 */
public final class JsonLogFormatter extends Formatter {

    private static final Pattern FIELD = Pattern.compile("(?<![A-Za-z0-9_.-])([a-z][a-z0-9_.-]*)=(?:\\{(\\d+)}|([A-Za-z0-9_.:/-]+))");
    private static final Set<String> FIXED = Set.of("time", "level", "logger", "message", "thread", "error");

    @Override
    public String format(LogRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("time", record.getInstant().toString());
        fields.put("level", level(record.getLevel()));
        fields.put("logger", String.valueOf(record.getLoggerName()));
        Object[] params = safe(record.getParameters());
        String template = record.getMessage() == null ? "" : record.getMessage();
        fields.put("message", message(template, params));
        fields.put("thread", Thread.currentThread().getName());
        if (record.getThrown() != null) {
            Throwable t = record.getThrown();
            fields.put("error", t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            if (FIXED.contains(m.group(1))) {
                continue;
            }
            if (m.group(3) != null) {
                fields.putIfAbsent(m.group(1), m.group(3));
            } else if (Integer.parseInt(m.group(2)) < params.length) {
                fields.putIfAbsent(m.group(1), String.valueOf(params[Integer.parseInt(m.group(2))]));
            }
        }
        StringBuilder out = new StringBuilder(256).append('{');
        fields.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, k).append(':');
            quote(out, v);
        });
        return out.append("}\n").toString();
    }

    private static String message(String template, Object[] params) {
        if (params.length == 0 || !template.contains("{")) {
            return template;
        }
        try {
            return new MessageFormat(template).format(params);
        } catch (IllegalArgumentException e) {
            return template;
        }
    }

    private static Object[] safe(Object[] params) {
        if (params == null) {
            return new Object[0];
        }
        Object[] out = params.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof byte[] b) {
                out[i] = "(" + b.length + " bytes)";
            } else if (out[i] instanceof char[] c) {
                out[i] = "(" + c.length + " chars)";
            }
        }
        return out;
    }

    /** The System.Logger level names (java.util.logging maps them to SEVERE, FINE, ...). */
    private static String level(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        return v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        return JsonStrings.quote(out, s, JsonStrings.Unpaired.ESCAPE);
    }
}
