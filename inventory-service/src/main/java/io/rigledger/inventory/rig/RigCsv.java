package io.rigledger.inventory.rig;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes rigs as RFC 4180 CSV with a header row (Jackson CSV), one row at a time, so an export of
 * a million rigs streams. Money in USD with two decimals; landedCost = price + duty + fees.
 */
public final class RigCsv implements AutoCloseable {

    private static final CsvMapper MAPPER = new CsvMapper();
    /** RFC 4180 section 2: each record, the header too, ends with CRLF. */
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(Row.class).withHeader().withLineSeparator("\r\n");

    private final SequenceWriter writer;

    public RigCsv(OutputStream out) throws IOException {
        this.writer = MAPPER.writer(SCHEMA).writeValues(out);
    }

    /** One CSV row; the column order is the contract's (exportRigs). */
    @JsonPropertyOrder({"assetId", "manufacturer", "serialNumber", "model", "plant", "originCountry", "status", "site",
            "rack", "slot", "mac", "purchaseOrderId", "orderLineNumber", "price", "duty", "fees", "landedCost",
            "registeredAt"})
    public record Row(String assetId, String manufacturer, String serialNumber, String model, String plant,
                      String originCountry, String status, String site, String rack, Integer slot, String mac,
                      String purchaseOrderId, Integer orderLineNumber, BigDecimal price, BigDecimal duty,
                      BigDecimal fees, BigDecimal landedCost, String registeredAt) {
    }

    /** Writes one rig; an I/O failure (client gone) is rethrown unchecked to end the export. */
    public void write(RigView r) {
        LandedCostView cost = r.landedCost();
        try {
            writer.write(new Row(r.id(), r.manufacturer(), r.serialNumber(), r.model(), r.plant(), r.originCountry(),
                    r.status().name(), r.position() == null ? null : r.position().site(),
                    r.position() == null ? null : r.position().rack(), r.position() == null ? null : r.position().slot(),
                    r.mac(), r.purchaseOrderId() == null ? null : r.purchaseOrderId().toString(), r.orderLineNumber(),
                    cost == null ? null : cost.price(), cost == null ? null : cost.duty(),
                    cost == null ? null : cost.fees(),
                    cost == null ? null : cost.price().add(cost.duty()).add(cost.fees()), r.registeredAt().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
