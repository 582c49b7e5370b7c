package dev.krypton.it.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code krypton serve} configuration as flat dotted keys ({@code storage.settings.url}),
 * rendered as the nested YAML the node reads. Every value is written as a quoted scalar.
 */
public final class NodeConfig {

    private final TreeMap<String, String> values = new TreeMap<>();

    public NodeConfig set(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    public NodeConfig setAll(Map<String, String> more) {
        values.putAll(more);
        return this;
    }

    public String get(String key) {
        return values.get(key);
    }

    /** The YAML document. */
    public String yaml() {
        StringBuilder out = new StringBuilder();
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            List<String> parts = List.of(e.getKey().split("\\."));
            int common = 0;
            while (common < open.size() && common < parts.size() - 1 && open.get(common).equals(parts.get(common))) {
                common++;
            }
            open = new ArrayList<>(open.subList(0, common));
            for (int i = common; i < parts.size() - 1; i++) {
                out.append("  ".repeat(i)).append(parts.get(i)).append(":\n");
                open.add(parts.get(i));
            }
            out.append("  ".repeat(parts.size() - 1)).append(parts.getLast()).append(": \"")
                    .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        return out.toString();
    }
}
