package dev.krypton.app.config;

import dev.krypton.app.AppException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the YAML configuration file against the {@link Settings} catalogue. Every mistake is
 * collected and reported together, one line each, with the file line, the key and what is
 * allowed: unknown keys, wrong types, values out of range, missing required settings.
 */
public final class ConfigReader {

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final String file;

    private ConfigReader(String file) {
        this.file = file;
    }

    /** Reads {@code path}; environment overrides come from {@code env}. Throws a usage error listing every mistake. */
    public static ConfigValues read(Path path, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw AppException.usage("cannot read the configuration file " + path + ": " + e.getMessage());
        }
        return parse(text, path.toString(), env);
    }

    /** Parses YAML text named {@code file} in messages. */
    public static ConfigValues parse(String text, String file, Map<String, String> env) {
        ConfigReader reader = new ConfigReader(file);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw AppException.usage(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root instanceof MappingNode map) {
            reader.section("", map);
        } else if (root != null) {
            reader.problem(root, "the file must be a mapping of sections (node, storage, tls, ...)");
        }
        for (Setting s : Settings.ALL) {
            s.env().filter(env::containsKey).ifPresent(name -> reader.values.put(s.key(), env.get(name)));
            if (!reader.values.containsKey(s.key()) && s.defaultValue().isEmpty()) {
                reader.problems.add(file + ": missing required setting '" + s.key() + "' (" + s.description() + ")");
            }
        }
        if (!reader.problems.isEmpty()) {
            throw AppException.usage("configuration has " + reader.problems.size() + " mistake(s):\n  "
                    + String.join("\n  ", reader.problems));
        }
        return new ConfigValues(reader.values);
    }

    private void section(String prefix, MappingNode map) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problem(t.getKeyNode(), "keys must be plain names");
                continue;
            }
            String key = prefix.isEmpty() ? k.getValue() : prefix + "." + k.getValue();
            if (!seen.add(key)) {
                problem(k, "duplicate key '" + key + "'");
                continue;
            }
            Node value = t.getValueNode();
            var setting = Settings.find(key);
            if (setting.isPresent()) {
                value(setting.get(), value);
            } else if (Settings.ALL.stream().anyMatch(s -> s.under(key))) {
                if (value instanceof MappingNode sub) {
                    section(key, sub);
                } else {
                    problem(value, "'" + key + "' is a section; expected a mapping with keys " + known(key));
                }
            } else {
                problem(k, "unknown key '" + key + "'; known keys here: " + known(prefix));
            }
        }
    }

    private void value(Setting s, Node node) {
        switch (s.kind()) {
            case MAP -> {
                if (!(node instanceof MappingNode m)) {
                    problem(node, "'" + s.key() + "' must be a mapping of names to values");
                    return;
                }
                Map<String, String> out = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                        out.put(k.getValue(), v.getValue());
                    } else {
                        problem(t.getKeyNode(), "'" + s.key() + "' entries must be plain name: value pairs");
                    }
                }
                values.put(s.key(), Map.copyOf(out));
            }
            case LIST -> {
                if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()
                        || !seq.getValue().stream().allMatch(n -> n instanceof ScalarNode)) {
                    problem(node, "'" + s.key() + "' must be a non-empty list of names, such as [a, b]");
                    return;
                }
                values.put(s.key(), seq.getValue().stream().map(n -> ((ScalarNode) n).getValue()).toList());
            }
            case STRING, PATH, INT, BOOL, ENUM, DURATION -> {
                if (!(node instanceof ScalarNode scalar)) {
                    problem(node, "'" + s.key() + "' must be a single value");
                    return;
                }
                scalar(s, scalar);
            }
        }
    }

    private void scalar(Setting s, ScalarNode node) {
        String v = node.getValue();
        switch (s.kind()) {
            case INT -> {
                long min = Long.parseLong(s.allowed().get(0));
                long max = Long.parseLong(s.allowed().get(1));
                try {
                    long n = Long.parseLong(v);
                    if (n >= min && n <= max) {
                        values.put(s.key(), (int) n);
                        return;
                    }
                } catch (NumberFormatException e) {
                    problem(node, "'" + s.key() + "' must be a whole number from " + min + " to " + max + ", not '" + v + "'");
                    return;
                }
                problem(node, "'" + s.key() + "' must be a whole number from " + min + " to " + max + ", not '" + v + "'");
            }
            case BOOL -> {
                if (v.equals("true") || v.equals("false")) {
                    values.put(s.key(), Boolean.parseBoolean(v));
                } else {
                    problem(node, "'" + s.key() + "' must be true or false, not '" + v + "'");
                }
            }
            case ENUM -> {
                if (s.allowed().contains(v)) {
                    values.put(s.key(), v);
                } else {
                    problem(node, "'" + s.key() + "' must be one of " + s.allowed() + ", not '" + v + "'");
                }
            }
            case PATH -> {
                if (v.isBlank()) {
                    problem(node, "'" + s.key() + "' must name a file or folder");
                } else {
                    values.put(s.key(), v);
                }
            }
            case DURATION -> Durations.parse(v).ifPresentOrElse(d -> values.put(s.key(), d), () -> problem(node,
                    "'" + s.key() + "' must be a length of time such as 0, 500ms, 5s or 2m, not '" + v + "'"));
            case STRING, LIST, MAP -> values.put(s.key(), v);
        }
    }

    private String known(String prefix) {
        TreeSet<String> names = new TreeSet<>();
        for (Setting s : Settings.ALL) {
            if (prefix.isEmpty() || s.under(prefix)) {
                String rest = prefix.isEmpty() ? s.key() : s.key().substring(prefix.length() + 1);
                names.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        return String.join(", ", names);
    }

    private void problem(Node node, String message) {
        problems.add(file + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }
}
