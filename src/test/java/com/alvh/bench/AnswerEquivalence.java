package com.alvh.bench;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Evidence that a faster build answers byte for byte as before: the example requests, varied (SPX, VIX, the VX
 * curve, indicators and the previous slope left out so that rules are blocked, events moved, every shipped profile),
 * evaluated by this build and by another build's main classes in the same JVM (loaded as {@link SideBySide} does),
 * and the JSON of the answers, conclusions and near misses compared.
 * <p>
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=com.alvh.bench.AnswerEquivalence
 * -Djmh.args="<other build's target/classes> 3000"}
 */
public final class AnswerEquivalence {

    private AnswerEquivalence() {
    }

    public static void main(String[] args) throws Exception {
        ServiceLogging.configure();
        Path before = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Object beforePaths = SideBySide.loadPaths(before);
        Object afterPaths = new BenchPaths();
        Method beforeAnswer = beforePaths.getClass().getMethod("answerJson", String.class);
        Method afterAnswer = afterPaths.getClass().getMethod("answerJson", String.class);
        List<String> requests = variations(count);
        int same = 0;
        int refused = 0;
        int unavailable = 0;
        java.util.Set<String> decisions = new java.util.HashSet<>();
        List<String> differing = new ArrayList<>();
        for (String request : requests) {
            String a = (String) beforeAnswer.invoke(beforePaths, request);
            String b = (String) afterAnswer.invoke(afterPaths, request);
            if (a.equals(b)) {
                same++;
                refused += a.startsWith("refused: ") ? 1 : 0;
                unavailable += a.contains("Not available: ") ? 1 : 0;
                int decision = a.indexOf("\"decision\":");
                decisions.add(decision < 0 ? a : a.substring(decision, a.indexOf("\"derived\":", decision)));
            } else {
                differing.add(request + "\n  before: " + a + "\n  after:  " + b);
            }
        }
        System.out.printf("%d requests: %d answers byte-identical (%d of them refusals with the same message), %d differ%n",
                requests.size(), same, refused, differing.size());
        System.out.printf("variety: %d distinct decisions, %d answers with inputs missing (rules blocked)%n",
                decisions.size(), unavailable);
        differing.stream().limit(3).forEach(System.out::println);
        if (!differing.isEmpty()) {
            System.exit(1);
        }
    }

    private static List<String> variations(int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<ObjectNode> examples = new ArrayList<>();
        try (var files = Files.list(Path.of("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                examples.add((ObjectNode) json.readTree(file.toFile()));
            }
        }
        Random random = new Random(15);
        String[] profiles = {"balanced", "conservative", "aggressive"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode request = examples.get(i % examples.size()).deepCopy();
            ObjectNode market = (ObjectNode) request.get("market");
            request.put("profile", profiles[random.nextInt(profiles.length)]);
            market.put("spx", round(market.get("spx").asDouble() * (0.93 + 0.14 * random.nextDouble())));
            double vix = 0.5 + random.nextDouble() * 1.2;
            market.put("vix", round(market.get("vix").asDouble() * vix));
            for (var future : (ArrayNode) market.get("vixFutures")) {
                ((ObjectNode) future).put("price", round(future.get("price").asDouble() * (vix + 0.3 * random.nextGaussian() * 0.3)));
            }
            if (random.nextInt(4) == 0) {
                market.remove("previousSlope");
            } else {
                market.put("previousSlope", round(random.nextGaussian()));
            }
            ObjectNode indicators = (ObjectNode) market.get("indicators");
            if (random.nextInt(4) == 0) {
                indicators.remove(List.of("breadth", "macd").get(random.nextInt(2)));
            }
            indicators.put("spxRsi14", round(20 + 65 * random.nextDouble()));
            indicators.put("vixRsi14", round(20 + 65 * random.nextDouble()));
            ((ObjectNode) request.get("condor")).put("credit", round(2 + 6 * random.nextDouble()));
            out.add(json.writeValueAsString(request));
        }
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
