package io.rigledger.console.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rigledger.console.upstream.inventory.model.FleetGroup;
import io.rigledger.console.upstream.inventory.model.FleetSummary;

import java.io.UncheckedIOException;

/**
 * The fleet page's two charts as Chart.js configurations (JSON the page's script hands to Chart.js):
 * a bar chart of hashrate (TH/s) and rig count per site, and a pie of rigs by country of origin. The
 * figures are inventory-service's, unchanged.
 */
final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLOURS = {"#0b5cad", "#2f855a", "#b7791f", "#9b2c2c", "#553c9a", "#2c7a7b", "#4a5568"};

    private Charts() {
    }

    /** Bars per site: TH/s (left axis) and rigs (right axis). */
    static String perSite(FleetSummary bySite) {
        ObjectNode config = JSON.createObjectNode().put("type", "bar");
        ObjectNode data = config.putObject("data");
        ArrayNode labels = data.putArray("labels");
        ArrayNode datasets = data.putArray("datasets");
        ObjectNode ths = datasets.addObject().put("label", "TH/s").put("backgroundColor", COLOURS[0]).put("yAxisID", "ths");
        ObjectNode rigs = datasets.addObject().put("label", "rigs").put("backgroundColor", COLOURS[1]).put("yAxisID", "rigs");
        ArrayNode thsData = ths.putArray("data");
        ArrayNode rigData = rigs.putArray("data");
        for (FleetGroup g : bySite.getGroups()) {
            labels.add(g.getKey().getSite() == null ? "(no site)" : g.getKey().getSite());
            thsData.add(g.getFigures().getHashrateThs());
            rigData.add(g.getFigures().getRigCount());
        }
        ObjectNode scales = config.putObject("options").putObject("scales");
        scales.putObject("ths").put("type", "linear").put("position", "left").putObject("title").put("display", true).put("text", "TH/s");
        scales.putObject("rigs").put("type", "linear").put("position", "right").putObject("title").put("display", true).put("text", "rigs");
        return write(config);
    }

    /** A pie of rigs by country of origin. */
    static String origins(FleetSummary byOrigin) {
        ObjectNode config = JSON.createObjectNode().put("type", "pie");
        ObjectNode data = config.putObject("data");
        ArrayNode labels = data.putArray("labels");
        ObjectNode set = data.putArray("datasets").addObject().put("label", "rigs");
        ArrayNode counts = set.putArray("data");
        ArrayNode colours = set.putArray("backgroundColor");
        int i = 0;
        for (FleetGroup g : byOrigin.getGroups()) {
            labels.add(String.valueOf(g.getKey().getOriginCountry()));
            counts.add(g.getFigures().getRigCount());
            colours.add(COLOURS[i++ % COLOURS.length]);
        }
        return write(config);
    }

    private static String write(ObjectNode config) {
        try {
            // inside <script type="application/json">: no "</" may end the element early
            return JSON.writeValueAsString(config).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
