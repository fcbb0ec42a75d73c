package io.rigledger.testsupport.fuzz;

import com.atlassian.oai.validator.report.ValidationReport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The malformed requests for every operation of one contract: first the systematic ones (each
 * field and parameter with each bad value its schema implies, each fault of syntax, encoding and
 * media type), then random ones drawn with a seeded {@link Random} until each operation has its
 * share of {@code requests}. A candidate goes in only when it is bad: the contract's request
 * validator refuses it, a platform rule refuses it, or it is not JSON/UTF-8/the right media type.
 * The same contract and seed give the same requests.
 */
public final class BadInputPlan {

    /** The system property that overrides the default seed. */
    public static final String SEED_PROPERTY = "rigledger.bad-input.seed";

    /** Accept values no operation answers with (an operation that does is not sent that one): 406. */
    static final List<String> UNANSWERED_TYPES = List.of("text/html", "application/xml", "image/png",
            "application/pdf", "text/csv", "application/x-yaml");

    private final String specFile;
    private final long seed;
    private final List<FuzzOperation> operations;
    private final List<BadRequest> requests;
    private final int allowedByContract;

    private BadInputPlan(String specFile, long seed, List<FuzzOperation> operations, List<BadRequest> requests,
                         int allowedByContract) {
        this.specFile = specFile;
        this.seed = seed;
        this.operations = operations;
        this.requests = requests;
        this.allowedByContract = allowedByContract;
    }

    /** Start a plan for a contract, e.g. {@code src/main/openapi/tariff.yaml}. */
    public static Builder forContract(String specFile) {
        return new Builder(specFile);
    }

    public String specFile() {
        return specFile;
    }

    public long seed() {
        return seed;
    }

    public List<FuzzOperation> operations() {
        return operations;
    }

    /** Every request, operation by operation. */
    public List<BadRequest> requests() {
        return requests;
    }

    /** Candidates left out because the contract allows them (they are not bad input). */
    public int allowedByContract() {
        return allowedByContract;
    }

    /** Settings of a plan. */
    public static final class Builder {
        private final String specFile;
        private long seed = Long.getLong(SEED_PROPERTY, 20_261_129L);
        private int requests = 3_600;
        private final Map<String, String> pathValues = new HashMap<>();

        private Builder(String specFile) {
            this.specFile = specFile;
        }

        /**
         * The seed of the random part: by default 20261129, or the system property
         * {@value BadInputPlan#SEED_PROPERTY} (to explore: {@code ./mvnw verify -Drigledger.bad-input.seed=7});
         * every report names it.
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** At least this many requests in all, spread evenly over the operations (default 3,600). */
        public Builder requests(int atLeast) {
            this.requests = atLeast;
            return this;
        }

        /** A good value for a path parameter (a row the test created), used instead of the contract's example. */
        public Builder pathValue(String name, String value) {
            pathValues.put(name, value);
            return this;
        }

        /**
         * Generates the plan.
         *
         * @throws IllegalStateException when the contract refuses one of its own good requests
         *                               (an example body, or the example path parameters): the
         *                               oracle would then call everything bad
         */
        public BadInputPlan build() {
            List<FuzzOperation> ops = ContractOperations.read(specFile, pathValues);
            ContractOracle oracle = new ContractOracle(specFile);
            long fillable = ops.stream().filter(op -> op.hasBody() || op.parameters().stream()
                    .anyMatch(p -> !"header".equals(p.in()))).count();
            int share = (int) ((requests + fillable - 1) / Math.max(1, fillable));
            ops.forEach(op -> requireGoodRequestPasses(op, oracle));
            AtomicInteger allowed = new AtomicInteger();
            // operations in parallel (each with its own seeded random, so the plan does not depend on timing)
            List<BadRequest> all = ops.parallelStream()
                    .map(op -> forOperation(op, oracle, share, new Random(seed * 31 + op.operationId().hashCode()), allowed))
                    .flatMap(List::stream)
                    .toList();
            return new BadInputPlan(specFile, seed, List.copyOf(ops), all, allowed.get());
        }

        private static List<BadRequest> forOperation(FuzzOperation op, ContractOracle oracle, int share, Random random,
                                                     AtomicInteger allowed) {
            BodyMutator body = op.hasBody() ? new BodyMutator(op) : null;
            RawBodies raw = op.hasBody() ? new RawBodies(op, body.slots()) : null;
            ParamMutator params = new ParamMutator(op);
            List<BadRequest> candidates = new ArrayList<>();
            if (body != null) {
                candidates.addAll(body.systematic());
                candidates.addAll(raw.systematic());
            }
            candidates.addAll(params.systematic());
            Set<BadRequest> kept = new LinkedHashSet<>();
            for (BadRequest c : candidates) {
                keep(c, oracle, kept, allowed);
            }
            String goodBody = op.hasBody() ? JsonValues.write(op.bodyExample()) : null;
            for (String accept : UNANSWERED_TYPES) {
                if (!op.produces().contains(accept)) {
                    kept.add(BadRequest.accept(op, accept, goodBody));
                }
            }
            boolean fillable = body != null || params.hasParams();
            for (int attempts = 0; fillable && kept.size() < share && attempts < share * 30; attempts++) {
                int dice = random.nextInt(10);
                BadRequest c;
                if (body != null && params.hasParams()) {
                    c = dice < 6 ? body.random(random) : dice < 8 ? raw.random(random) : params.random(random);
                } else if (body != null) {
                    c = dice < 7 ? body.random(random) : raw.random(random);
                } else {
                    c = params.random(random);
                }
                keep(c, oracle, kept, allowed);
            }
            return List.copyOf(kept);
        }

        /** Adds the candidate when it is bad input, with the rule that makes it bad. */
        private static void keep(BadRequest c, ContractOracle oracle, Set<BadRequest> kept, AtomicInteger allowed) {
            if (c == null || kept.contains(c)) {
                return;
            }
            BadRequest resolved = switch (c.rule()) {
                case SYNTAX -> c;
                case CONTRACT -> JsonValues.OVER_A_BOUND.contains(c.kind()) || oracle.refuses(c) ? c : null;
                case PLATFORM -> oracle.refuses(c) ? withRule(c, BadRequest.Rule.CONTRACT) : c;
            };
            if (resolved == null) {
                allowed.incrementAndGet();
            } else {
                kept.add(resolved);
            }
        }

        private static BadRequest withRule(BadRequest c, BadRequest.Rule rule) {
            return new BadRequest(c.operation(), c.kind(), c.target(), rule, c.uri(), c.contentType(), c.body(), c.accept(),
                    c.expected());
        }

        private static void requireGoodRequestPasses(FuzzOperation op, ContractOracle oracle) {
            String body = op.hasBody() ? JsonValues.write(op.bodyExample()) : null;
            BadRequest good = new BadRequest(op, "good", "-", BadRequest.Rule.CONTRACT, op.validPath(),
                    body == null ? null : "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    null, Set.of(200));
            ValidationReport report = oracle.report(good);
            if (report.hasErrors()) {
                throw new IllegalStateException("the contract refuses its own good request for " + op.operationId()
                        + " (" + op.validPath() + "): " + report.getMessages());
            }
        }
    }

    /** How many requests each operation gets, in contract order. */
    public Map<String, Integer> countsByOperation() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        operations.forEach(op -> counts.put(op.operationId(), 0));
        requests.forEach(r -> counts.merge(r.operation().operationId(), 1, Integer::sum));
        return counts;
    }
}
