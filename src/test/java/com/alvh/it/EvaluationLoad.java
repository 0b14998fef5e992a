package com.alvh.it;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Concurrent {@code POST /api/v1/evaluations} spread over replicas: each worker thread sends one request at a time,
 * to the replicas in turn. Every 200 answer is kept (its evaluation id and the rule-set version it names); anything
 * else (a refused connection to a killed replica, a 5xx) is counted as not acknowledged, by status.
 */
public final class EvaluationLoad implements AutoCloseable {

    /** One acknowledged evaluation. */
    public record Answer(String evaluationId, String ruleSetVersion, int replica, long sentAtNanos) {
    }

    private final List<PackagedApp> replicas;
    private final String authorization;
    private final String body;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> notAcknowledged = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();

    public EvaluationLoad(List<PackagedApp> replicas, String authorization, String body, int threads) {
        this.replicas = List.copyOf(replicas);
        this.authorization = authorization;
        this.body = body;
        for (int i = 0; i < threads; i++) {
            int first = i;
            Thread t = new Thread(() -> work(first), "evaluation-load-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
    }

    private void work(int next) {
        while (running.get()) {
            int replica = next++ % replicas.size();
            PackagedApp app = replicas.get(replica);
            long sent = System.nanoTime();
            try {
                HttpRequest request = HttpRequest.newBuilder(app.uri("/api/v1/evaluations"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> response = app.http().send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode answer = PackagedApp.JSON.readTree(response.body());
                    answers.add(new Answer(answer.get("evaluationId").asText(),
                            answer.get("ruleSet").get("version").asText(), replica, sent));
                } else {
                    notAcknowledged.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
                }
            } catch (java.io.IOException e) {
                notAcknowledged.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A refused connection returns at once: without a pause a worker would spin on a dead replica. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every acknowledged evaluation so far. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Requests not acknowledged, by HTTP status or exception. */
    public Map<String, Integer> notAcknowledged() {
        return Map.copyOf(notAcknowledged);
    }

    /** Stops sending and waits for the requests in flight to end. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : workers) {
            t.join(60_000);
        }
    }
}
