package com.alvh.research.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.alvh.research.Shard;

import picocli.CommandLine;

/**
 * The Kubernetes Indexed Job of docker/k8s runs a sweep one shard per index: its completions match the shard count
 * it passes, and the command each pod runs (JOB_COMPLETION_INDEX filled in) parses as this command line's sweep.
 */
class SweepJobManifestTest {

    @Test
    @SuppressWarnings("unchecked")
    void eachIndexOfTheJobRunsItsOwnShardOfTheSweep() throws Exception {
        Map<String, Object> job = null;
        for (Object doc : new Yaml().loadAll(Files.readString(Path.of("docker/k8s/sweep-job.yaml")))) {
            if (doc instanceof Map<?, ?> m && "Job".equals(m.get("kind"))) {
                job = (Map<String, Object>) m;
            }
        }
        Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        assertEquals("Indexed", spec.get("completionMode"));
        int completions = (Integer) spec.get("completions");
        Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                spec.get("template")).get("spec")).get("containers")).get(0);
        String shards = ((List<Map<String, Object>>) container.get("env")).stream()
                .filter(e -> e.get("name").equals("SHARDS")).findFirst().orElseThrow().get("value").toString();
        assertEquals(completions, Integer.parseInt(shards), "SHARDS must equal completions");
        String script = ((List<String>) container.get("command")).get(2);
        assertTrue(script.contains("--shard ${JOB_COMPLETION_INDEX}/${SHARDS}"), script);

        String[] words = script.substring(script.indexOf("quarkus-run.jar") + "quarkus-run.jar".length()).strip().split("\\s+");
        List<Shard> parsed = new ArrayList<>();
        for (int i = 0; i < completions; i++) {
            String index = String.valueOf(i);
            String[] args = Arrays.stream(words).map(w -> w.replace("${SHARDS}", shards))
                    .map(w -> w.replace("${JOB_COMPLETION_INDEX}", index)).toArray(String[]::new);
            CommandLine cli = AlvhCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            CommandLine.ParseResult result = cli.parseArgs(args);
            SweepCli sweep = (SweepCli) result.subcommand().commandSpec().userObject();
            assertEquals(Path.of("/results/shard-" + index), sweep.out);
            parsed.add(sweep.shard);
        }
        // Together the indexes hold every variant of a 37-variant sweep exactly once.
        for (int v = 0; v < 37; v++) {
            int variant = v;
            assertEquals(1, parsed.stream().filter(s -> s.contains(variant)).count(), "variant " + v);
        }
    }
}
