package io.rigledger.tariff.bench;

import io.rigledger.tariff.duty.DutyEngine;
import io.rigledger.tariff.duty.QuoteInput;
import io.rigledger.tariff.duty.Quotation;
import io.rigledger.tariff.duty.Schedule;
import io.rigledger.tariff.duty.SeededSchedule;
import io.rigledger.tariff.duty.TransportMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Line quotes per second on one core: the engine on the seeded schedule (22 measures, 9 reliefs)
 * over a rotation of origins, dates of entry (every regime 2019-2026), in-transit and US-content
 * lines. {@code rawLayerArithmetic} is the floor next to it: only the BigDecimal HALF_UP
 * arithmetic of four layers, no schedule lookup. Run with tariff-service/bench/run.sh (not part
 * of ./mvnw verify).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DutyEngineBenchmark {

    static final int LINES = 64;
    private static final BigDecimal[] RATES = {new BigDecimal("2.6"), new BigDecimal("25"), new BigDecimal("20"),
            new BigDecimal("10")};

    private Schedule schedule;
    private QuoteInput[] singleLines;
    private QuoteInput tenLines;
    private BigDecimal[] values;
    private int next;

    @Setup
    public void setUp() {
        schedule = SeededSchedule.schedule();
        String[] origins = {"CN", "MY", "TH", "ID"};
        List<QuoteInput> inputs = new ArrayList<>();
        LocalDate first = LocalDate.of(2019, 1, 1);
        values = new BigDecimal[LINES];
        for (int i = 0; i < LINES; i++) {
            LocalDate entry = first.plusDays(i * 47L);
            BigDecimal value = new BigDecimal(10_000 + i * 1_234).add(new BigDecimal("0.45"));
            values[i] = value;
            BigDecimal usContent = i % 5 == 0 ? new BigDecimal("30") : null;
            LocalDate export = i % 3 == 0 ? entry.minusDays(40) : null;
            String hts = entry.isBefore(LocalDate.of(2022, 1, 27)) ? "8543.70.9960" : "8543.70.9860";
            inputs.add(new QuoteInput(entry, export, i % 2 == 0 ? TransportMode.OCEAN : TransportMode.AIR,
                    List.of(new QuoteInput.Line(hts, origins[i % 4], value, 1, usContent))));
        }
        singleLines = inputs.toArray(QuoteInput[]::new);
        List<QuoteInput.Line> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(new QuoteInput.Line("8543.70.9860", origins[i % 4], values[i], 1, null));
        }
        tenLines = new QuoteInput(LocalDate.of(2025, 9, 15), LocalDate.of(2025, 8, 1), TransportMode.OCEAN, ten);
    }

    /** One quote of one line (with its fees): one line quote per operation. */
    @Benchmark
    public Quotation oneLineQuote() {
        QuoteInput input = singleLines[next];
        next = (next + 1) % LINES;
        return DutyEngine.quote(schedule, input);
    }

    /** One quote of ten lines; reported per line. */
    @Benchmark
    @OperationsPerInvocation(10)
    public Quotation tenLineQuotePerLine() {
        return DutyEngine.quote(schedule, tenLines);
    }

    /** The floor: four HALF_UP layer amounts on one value, nothing else. */
    @Benchmark
    public BigDecimal rawLayerArithmetic() {
        BigDecimal value = values[next];
        next = (next + 1) % LINES;
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal rate : RATES) {
            sum = sum.add(value.multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
        }
        return sum;
    }
}
