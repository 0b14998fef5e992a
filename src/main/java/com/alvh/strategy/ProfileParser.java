package com.alvh.strategy;

import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a profile YAML into a {@link Profile}, checking it against {@link ProfileSchema}.
 * Works on SnakeYAML's node tree rather than on plain maps so every problem keeps its line and column.
 */
public final class ProfileParser {


    private ProfileParser() {
    }

    /** Parses {@code source} of file {@code file} as profile {@code name}; throws with every problem found. */
    public static Profile parse(String name, String file, String source) {
        ProfileErrors errors = new ProfileErrors(file);
        Map<String, Object> values = new HashMap<>();
        Node root = compose(source, errors);
        if (root instanceof MappingNode mapping) {
            readSections(mapping, values, errors);
        } else if (root != null || errors.isEmpty()) {
            errors.add("(document)", root == null ? null : root.getStartMark(), "a profile is a mapping of sections");
        }
        for (ProfileSchema.Field field : ProfileSchema.fields()) {
            if (!values.containsKey(field.key()) && errors.isEmpty()) {
                errors.add(field.path(), root == null ? null : root.getEndMark(), "is required");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidProfileException(errors.list());
        }
        checkRatios(values, errors, root);
        if (!errors.isEmpty()) {
            throw new InvalidProfileException(errors.list());
        }
        values.putIfAbsent("requiredInputs", List.of());
        values.putIfAbsent("parameters", Map.of());
        values.put("name", name);
        values.put("version", ContentHash.of(source));
        return construct(values);
    }

    private static Node compose(String source, ProfileErrors errors) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            return new Yaml(options).compose(new StringReader(source));
        } catch (MarkedYAMLException e) {
            errors.add("(syntax)", e.getProblemMark(), e.getProblem());
            return null;
        } catch (RuntimeException e) {
            errors.add("(syntax)", null, e.getMessage());
            return null;
        }
    }

    private static void readSections(MappingNode root, Map<String, Object> values, ProfileErrors errors) {
        Set<String> sections = new HashSet<>(ProfileSchema.sections());
        for (NodeTuple tuple : root.getValue()) {
            String section = scalarText(tuple.getKeyNode());
            Node body = tuple.getValueNode();
            if (section.equals("description")) {
                if (!(body instanceof ScalarNode)) {
                    errors.add(section, body.getStartMark(), "must be a text");
                }
                continue;
            }
            if (section.equals("requiredInputs")) {
                readRequiredInputs(body, values, errors);
                continue;
            }
            if (section.equals("parameters")) {
                values.put("parameters", CustomParameters.read(body, errors));
                continue;
            }
            if (!sections.contains(section)) {
                errors.add(section, tuple.getKeyNode().getStartMark(),
                        "unknown section; expected one of " + ProfileSchema.sections() + " or " + ProfileSchema.TOP_LEVEL_KEYS
                                + " (a threshold of your own goes under parameters:)");
            } else if (body instanceof MappingNode mapping) {
                readFields(section, mapping, values, errors);
            } else {
                errors.add(section, body.getStartMark(), "must be a mapping of keys to values");
            }
        }
    }

    private static void readRequiredInputs(Node body, Map<String, Object> values, ProfileErrors errors) {
        if (!(body instanceof org.yaml.snakeyaml.nodes.SequenceNode list)) {
            errors.add("requiredInputs", body.getStartMark(), "must be a list of input names from " + ProfileSchema.OPTIONAL_INPUTS);
            return;
        }
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            String input = scalarText(item);
            if (!ProfileSchema.OPTIONAL_INPUTS.contains(input)) {
                errors.add("requiredInputs[" + i + "]", item.getStartMark(),
                        "unknown input '" + input + "'; expected one of " + ProfileSchema.OPTIONAL_INPUTS);
            } else if (inputs.contains(input)) {
                errors.add("requiredInputs[" + i + "]", item.getStartMark(), "lists " + input + " twice");
            } else {
                inputs.add(input);
            }
        }
        values.put("requiredInputs", inputs);
    }

    private static void readFields(String section, MappingNode mapping, Map<String, Object> values, ProfileErrors errors) {
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalarText(tuple.getKeyNode());
            var field = ProfileSchema.field(key).filter(f -> f.section().equals(section));
            if (field.isEmpty()) {
                errors.add(section + "." + key, tuple.getKeyNode().getStartMark(), "unknown key in section " + section);
                continue;
            }
            try {
                values.put(key, FieldValue.read(field.get(), tuple.getValueNode()));
            } catch (FieldValue.BadValue e) {
                errors.add(field.get().path(), e.node().getStartMark(), e.getMessage());
            }
        }
    }

    private static void checkRatios(Map<String, Object> values, ProfileErrors errors, Node root) {
        double floor = (Double) values.get("floorRatio");
        double max = (Double) values.get("maxRatio");
        if (floor > max) {
            errors.add("layering.floorRatio", root.getStartMark(), "floorRatio " + floor + " is above maxRatio " + max);
        }
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(node.getNodeId());
    }

    private static Profile construct(Map<String, Object> values) {
        RecordComponent[] components = Profile.class.getRecordComponents();
        Object[] args = Arrays.stream(components).map(c -> values.get(c.getName())).toArray();
        try {
            Constructor<Profile> constructor = Profile.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Profile schema and record disagree", e);
        }
    }

    /** Collects located errors for one file. */
    private static final class ProfileErrors implements CustomParameters.Errors, CustomParameters.Counting {
        private final String file;
        private final List<ProfileError> list = new ArrayList<>();

        ProfileErrors(String file) {
            this.file = file;
        }

        @Override
        public void add(String field, Mark mark, String message) {
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            list.add(new ProfileError(file, field, line, column, message));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        @Override
        public int count() {
            return list.size();
        }

        List<ProfileError> list() {
            return list;
        }
    }
}
