package io.rigledger.testsupport.fuzz;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a bad-input run sent and got back: statuses per operation, requests per kind and rule, how
 * many 400s named the field that was made bad, and every wrong answer (5xx, a 4xx that is not
 * problem+json, an unexpected status, an answer that breaks the contract, a 2xx).
 */
public final class BadInputReport {

    /** A wrong answer: the request, the status, what is wrong, and the start of the body. */
    public record Failure(BadRequest request, int status, String reason, String answer) {
        @Override
        public String toString() {
            return reason + " <- " + request.describe() + " => " + answer;
        }
    }

    private final BadInputPlan plan;
    private final Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private final Map<BadRequest.Rule, Integer> rules = new EnumMap<>(BadRequest.Rule.class);
    private final List<Failure> failures = new ArrayList<>();
    private final List<String> namingOthers = new ArrayList<>();
    private int sent;
    private long bytesSent;
    private long nanos;
    private int withViolations;
    private int namingTarget;

    BadInputReport(BadInputPlan plan) {
        this.plan = plan;
        plan.operations().forEach(op -> statuses.put(op.operationId(), new TreeMap<>()));
    }

    void record(BadRequest request, HttpResponse<byte[]> answer, String failure) {
        sent++;
        bytesSent += request.uri().length() + (request.body() == null ? 0 : request.body().length);
        statuses.get(request.operation().operationId()).merge(answer.statusCode(), 1, Integer::sum);
        kinds.merge(request.kind(), 1, Integer::sum);
        rules.merge(request.rule(), 1, Integer::sum);
        if (failure != null) {
            String body = new String(answer.body(), StandardCharsets.UTF_8);
            failures.add(new Failure(request, answer.statusCode(), failure,
                    body.length() > 400 ? body.substring(0, 400) + "..." : body));
        } else if (answer.statusCode() == 400) {
            List<String> fields = ProblemCheck.violationFields(answer);
            if (!fields.isEmpty()) {
                withViolations++;
                if (fields.stream().anyMatch(f -> names(f, request.target()))) {
                    namingTarget++;
                } else if (namingOthers.size() < 100) {
                    namingOthers.add(request.describe() + " => names " + fields);
                }
            }
        }
    }

    /** Whether a violation's field is the bad field, inside it, or holds it. */
    private static boolean names(String field, String target) {
        return field.equals(target) || field.startsWith(target + ".") || field.startsWith(target + "[")
                || target.startsWith(field + ".") || target.startsWith(field + "[");
    }

    void elapsed(long nanos) {
        this.nanos = nanos;
    }

    public int sent() {
        return sent;
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Answers with a 5xx status. */
    public long serverErrors() {
        return failures.stream().filter(f -> f.status() >= 500).count();
    }

    /** 4xx answers that are not application/problem+json (or whose status member differs). */
    public long nonProblem4xx() {
        return failures.stream().filter(f -> f.status() >= 400 && f.status() < 500 && f.reason().startsWith("not problem+json")).count();
    }

    /** Statuses by operation, in contract order. */
    public Map<String, Map<Integer, Integer>> statusesByOperation() {
        return statuses;
    }

    /** All statuses of the run. */
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> all = new TreeMap<>();
        statuses.values().forEach(m -> m.forEach((s, n) -> all.merge(s, n, Integer::sum)));
        return all;
    }

    /** Several lines: totals, statuses, failures by class, then one line per operation. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("bad-input %s seed %d: %,d requests (%s; %,d candidates the contract allows left out)"
                        + " in %.1f s, %.1f MB sent%n", Path.of(plan.specFile()).getFileName(), plan.seed(), sent,
                rules.entrySet().stream().map(e -> e.getKey().name().toLowerCase() + " " + e.getValue())
                        .collect(Collectors.joining(", ")),
                plan.allowedByContract(), nanos / 1e9, bytesSent / 1e6));
        b.append(String.format("  statuses %s; 5xx %d; non-problem 4xx %d; wrong answers %d; 400s with violations"
                        + " naming the bad field %,d of %,d%n", statuses(), serverErrors(), nonProblem4xx(), failures.size(),
                namingTarget, withViolations));
        failures.stream().collect(Collectors.groupingBy(f -> f.reason().split(":")[0], TreeMap::new, Collectors.counting()))
                .forEach((reason, n) -> b.append(String.format("  %-26s %,6d%n", reason, n)));
        statuses.forEach((op, counts) -> b.append(String.format("  %-26s %,6d  %s%n", op,
                counts.values().stream().mapToInt(Integer::intValue).sum(), counts)));
        b.append("  kinds ").append(kinds);
        return b.toString();
    }

    /** The summary, every wrong answer, then (up to 100) 400s naming another field than the bad one. */
    public String details() {
        return summary() + "\n" + failures.stream().map(Failure::toString).collect(Collectors.joining("\n"))
                + "\n400s naming another field:\n" + String.join("\n", namingOthers) + "\n";
    }

    /**
     * Fails unless every answer was right.
     *
     * @throws AssertionError listing the wrong answers (the first 40, one per line) under the summary
     */
    public void assertEveryAnswerIsAProblem() {
        if (failures.isEmpty()) {
            return;
        }
        String listed = failures.stream().limit(40).map(Failure::toString).collect(Collectors.joining("\n"));
        throw new AssertionError(failures.size() + " wrong answers to bad input (seed " + plan.seed()
                + "; all of them in target/bad-input/)\n" + summary() + "\n" + listed);
    }
}
