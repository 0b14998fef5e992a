package com.alvh.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.alvh.engine.CompiledRuleSet;
import com.alvh.strategy.Profile;

/**
 * What a request may leave out, and what that costs (api.md: "An input that is neither given nor derivable makes the
 * signals that need it unavailable"). An input is missing when it was neither given nor derivable; the rules that
 * refer to it cannot fire and the signals built on it are listed as unavailable. Only when the profile lists the
 * input under {@code requiredInputs} is its absence a 422.
 */
public final class MissingInputs {

    /** One optional input: what DRL refers to when it uses it, and the signals that need it. */
    record Input(String name, Pattern usedBy, List<String> signals, String label) {
    }

    private static final Map<String, Input> INPUTS = new LinkedHashMap<>();

    static {
        add(new Input("spxRsi14", Pattern.compile("\\bspxRsi14\\b"), List.of("COMPLACENCY"), "RSI(14) of SPX"));
        add(new Input("vixRsi14", Pattern.compile("\\bvixRsi14\\b"), List.of("COMPLACENCY"), "RSI(14) of VIX"));
        add(new Input("macd", Pattern.compile("\\b(macd|macdSignal|macdHistogram|crossover)\\b"),
                List.of("MOMENTUM_ROLLOVER"), "MACD(12,26,9) of SPX"));
        add(new Input("breadth", Pattern.compile("\\b(spxAtHigh|adLineBelowHighPct)\\b"), List.of("BREADTH_DIVERGENCE"),
                "advance-decline breadth"));
        add(new Input("previousSlope", Pattern.compile("\\bslopeChange\\b"), List.of("TERM_STRUCTURE_STEEPENING"),
                "VX curve slope of the previous snapshot"));
        add(new Input("spxAtOpen", Pattern.compile("\\b(StrikeCushion|putCushionUsedPct|callCushionUsedPct)\\b"),
                List.of("BREAKEVEN_PROXIMITY", "STRESS_PASSED"), "SPX when the short strikes were placed"));
    }

    /** A rule block of a DRL file: {@code rule "name" ... end}, the name quoted or bare. */
    private static final Pattern RULE_BLOCK = Pattern.compile(
            "(?ms)^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))(.*?)^\\s*end\\b");

    private MissingInputs() {
    }

    private static void add(Input input) {
        INPUTS.put(input.name(), input);
    }

    /** The names a profile may list under {@code requiredInputs}. */
    public static Set<String> names() {
        return INPUTS.keySet();
    }

    /** The 422 when the profile requires an input the request lacks; silent otherwise. */
    static void checkRequired(Profile profile, Map<String, Violation> missing) {
        List<Violation> violations = new ArrayList<>();
        for (String required : profile.requiredInputs()) {
            Violation v = missing.get(required);
            if (v != null) {
                violations.add(new Violation(v.field(), v.message() + " (profile " + profile.name()
                        + " lists " + required + " under requiredInputs)"));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field));
            throw new InvalidRequestException(violations);
        }
    }

    /** Names of the rules of {@code ruleSet} whose text refers to a missing input: they may not fire. */
    static Set<String> rulesNeeding(CompiledRuleSet ruleSet, Set<String> missing) {
        Set<String> blocked = new LinkedHashSet<>();
        if (missing.isEmpty()) {
            return blocked;
        }
        ruleSet.derived(InputsByRule.class, rules -> InputsByRule.of(rules.files())).inputs().forEach((rule, inputs) -> {
            for (String input : inputs) {
                if (missing.contains(input)) {
                    blocked.add(rule);
                    return;
                }
            }
        });
        return blocked;
    }

    /**
     * The optional inputs each rule's text refers to, rules in file and source order (only those that refer to one).
     * Scanning the DRL takes longer than the evaluation itself, so it is done once per compiled rule set.
     */
    record InputsByRule(Map<String, Set<String>> inputs) {

        static InputsByRule of(Map<String, String> files) {
            Map<String, Set<String>> inputs = new LinkedHashMap<>();
            for (String source : files.values()) {
                Matcher rule = RULE_BLOCK.matcher(withoutComments(source));
                while (rule.find()) {
                    String name = rule.group(1) != null ? rule.group(1).replace("\\\"", "\"")
                            : rule.group(2) != null ? rule.group(2) : rule.group(3);
                    String body = rule.group(4);
                    for (Input input : INPUTS.values()) {
                        if (input.usedBy().matcher(body).find()) {
                            inputs.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(input.name());
                        }
                    }
                }
            }
            inputs.replaceAll((rule, used) -> Set.copyOf(used));
            return new InputsByRule(java.util.Collections.unmodifiableMap(inputs));
        }
    }

    /** The signals that cannot be raised, each with the sentence naming the input it lacks. */
    static Map<String, String> unavailableSignals(Map<String, Violation> missing) {
        Map<String, String> out = new LinkedHashMap<>();
        missing.forEach((name, violation) -> {
            Input input = INPUTS.get(name);
            for (String signal : input.signals()) {
                String sentence = "Not available: the request lacks " + name + " (" + input.label() + "): " + violation.message();
                out.merge(signal, sentence, (a, b) -> a + "; " + b.substring(b.indexOf("lacks ")));
            }
        });
        return out;
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//[^\\n\"]*$", "");
    }
}
