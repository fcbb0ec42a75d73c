package io.rigledger.tariff.quote;

import io.rigledger.tariff.common.Problems;
import io.rigledger.tariff.schedule.DutyRate;
import io.rigledger.tariff.schedule.RateSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotes duty per line: every layer in force on the date of entry for the line's HTS code and
 * origin, each layer's amount rounded HALF_UP to the cent, the line's duty the sum of its layers.
 */
@ApplicationScoped
public class QuoteService {

    static final String DOMESTIC = "US";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    RateSchedule schedule;

    Clock clock = Clock.systemUTC();

    public DutyQuote quote(QuoteRequest request) {
        List<DutyRate> inForce = schedule.inForceOn(request.entryDate());
        List<DutyQuote.Line> lines = new ArrayList<>(request.lines().size());
        BigDecimal totalValue = BigDecimal.ZERO.setScale(2);
        BigDecimal totalDuty = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < request.lines().size(); i++) {
            QuoteRequest.Line in = request.lines().get(i);
            BigDecimal value = in.customsValue().setScale(2, RoundingMode.HALF_UP);
            List<DutyQuote.Layer> layers = layersFor(i, in, value, inForce, request);
            BigDecimal duty = layers.stream().map(DutyQuote.Layer::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            lines.add(new DutyQuote.Line(i + 1, in.htsCode(), in.originCountry(), value, layers, duty));
            totalValue = totalValue.add(value);
            totalDuty = totalDuty.add(duty);
        }
        return new DutyQuote(request.entryDate(), "USD", Instant.now(clock), totalValue, totalDuty, lines);
    }

    private static List<DutyQuote.Layer> layersFor(int index, QuoteRequest.Line line, BigDecimal value,
                                                   List<DutyRate> inForce, QuoteRequest request) {
        if (DOMESTIC.equals(line.originCountry())) {
            return List.of(); // made in the US: not an import, no duty
        }
        List<DutyQuote.Layer> layers = new ArrayList<>();
        for (DutyRate rate : inForce) {
            if (rate.covers(line.htsCode(), line.originCountry())) {
                BigDecimal amount = value.multiply(rate.ratePercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                layers.add(new DutyQuote.Layer(rate.layer, rate.heading, rate.description,
                        rate.percent(), amount, rate.confirmed));
            }
        }
        if (layers.isEmpty()) {
            throw Problems.unprocessable("lines[" + index + "].htsCode",
                    "no duty rate covers " + line.htsCode() + " from " + line.originCountry()
                            + " entered on " + request.entryDate());
        }
        return layers;
    }
}
