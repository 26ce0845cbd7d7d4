package io.meshwork.governance.dashboard;

import io.meshwork.core.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Grafana JSON of the dashboard's panels, laid out top to bottom on Grafana's 24-column grid: each call places a
 * panel right of the previous one, or on a new line when it does not fit.
 */
final class GrafanaPanels {

    private static final int WIDTH = 24;

    private final ObjectNode datasource;
    private final ArrayNode panels = Json.mapper().createArrayNode();
    private int id;
    private int x;
    private int y;
    private int lineHeight;

    GrafanaPanels(String datasourceUid) {
        this.datasource = Json.mapper().createObjectNode().put("type", "prometheus").put("uid", datasourceUid);
    }

    /** The panels placed so far. */
    ArrayNode panels() {
        return panels;
    }

    /** A reference to the Prometheus data source. */
    ObjectNode datasource() {
        return datasource.deepCopy();
    }

    /** A full-width row header. */
    void row(String title) {
        ObjectNode row = place("row", title, WIDTH, 1);
        row.remove("datasource");
        row.put("collapsed", false);
        row.putArray("panels");
    }

    /** A time series panel of range queries, each {@code {expr, legend}}. */
    ObjectNode timeSeries(String title, String description, String unit, int width, String... exprAndLegend) {
        ObjectNode panel = place("timeseries", title, width, 8);
        panel.put("description", description);
        ObjectNode defaults = defaults(panel, unit);
        defaults.putObject("custom").put("drawStyle", "line").put("lineWidth", 1).put("fillOpacity", 0)
                .put("spanNulls", false).put("showPoints", "never");
        ObjectNode legend = panel.putObject("options").putObject("legend");
        legend.put("displayMode", "table").put("placement", "bottom").put("showLegend", true)
                .putArray("calcs").add("lastNotNull").add("max");
        panel.withObjectProperty("options").putObject("tooltip").put("mode", "multi").put("sort", "desc");
        ArrayNode targets = panel.putArray("targets");
        for (int i = 0; i < exprAndLegend.length; i += 2) {
            target(targets, i / 2).put("expr", exprAndLegend[i]).put("legendFormat", exprAndLegend[i + 1])
                    .put("range", true).put("instant", false);
        }
        return panel;
    }

    /**
     * A table of instant queries joined on their labels (Grafana's {@code merge}), one column per query.
     *
     * @param columns {@code {title, unit, expr}} per column
     */
    ObjectNode table(String title, String description, int width, int height, String[]... columns) {
        ObjectNode panel = place("table", title, width, height);
        panel.put("description", description);
        defaults(panel, "short");
        panel.putObject("options").put("showHeader", true).put("cellHeight", "sm");
        ArrayNode targets = panel.putArray("targets");
        ObjectNode renames = Json.mapper().createObjectNode();
        ArrayNode overrides = panel.withObjectProperty("fieldConfig").withArrayProperty("overrides");
        for (int i = 0; i < columns.length; i++) {
            String[] column = columns[i];
            ObjectNode target = target(targets, i).put("expr", column[2]).put("format", "table")
                    .put("range", false).put("instant", true);
            renames.put("Value #" + target.get("refId").asString(), column[0]);
            ObjectNode override = overrides.addObject();
            override.putObject("matcher").put("id", "byName").put("options", column[0]);
            override.putArray("properties").addObject().put("id", "unit").put("value", column[1]);
        }
        ArrayNode transformations = panel.putArray("transformations");
        transformations.addObject().put("id", "merge").putObject("options");
        ObjectNode organize = transformations.addObject().put("id", "organize").putObject("options");
        organize.putObject("excludeByName").put("Time", true);
        organize.set("renameByName", renames);
        return panel;
    }

    /** A Markdown text panel. */
    void text(String title, String markdown, int width, int height) {
        ObjectNode panel = place("text", title, width, height);
        panel.remove("datasource");
        panel.putObject("options").put("mode", "markdown").put("content", markdown);
    }

    /** Colours values from {@code base} up to each {@code step}'s value, e.g. a burn rate's 1×, 6×, 14.4×. */
    static void thresholds(ObjectNode panel, String base, Object... colorAndValue) {
        ObjectNode defaults = panel.withObjectProperty("fieldConfig").withObjectProperty("defaults");
        ArrayNode steps = defaults.putObject("thresholds").put("mode", "absolute").putArray("steps");
        steps.addObject().put("color", base).putNull("value");
        for (int i = 0; i < colorAndValue.length; i += 2) {
            steps.addObject().put("color", (String) colorAndValue[i]).put("value", (Double) colorAndValue[i + 1]);
        }
        defaults.withObjectProperty("custom").putObject("thresholdsStyle").put("mode", "line");
    }

    /** Draws the series whose legend ends with {@code suffix} dashed: the targets next to the measurements. */
    static void dashed(ObjectNode panel, String suffix) {
        ObjectNode override = panel.withObjectProperty("fieldConfig").withArrayProperty("overrides").addObject();
        override.putObject("matcher").put("id", "byRegexp").put("options", ".*" + suffix + "$");
        override.putArray("properties").addObject().put("id", "custom.lineStyle").putObject("value")
                .put("fill", "dash").putArray("dash").add(10).add(10);
    }

    private ObjectNode defaults(ObjectNode panel, String unit) {
        ObjectNode fieldConfig = panel.putObject("fieldConfig");
        fieldConfig.putArray("overrides");
        return fieldConfig.putObject("defaults").put("unit", unit);
    }

    private ObjectNode target(ArrayNode targets, int index) {
        ObjectNode target = targets.addObject();
        target.put("refId", String.valueOf((char) ('A' + index)));
        target.set("datasource", datasource());
        return target;
    }

    private ObjectNode place(String type, String title, int width, int height) {
        if (x + width > WIDTH) {
            x = 0;
            y += lineHeight;
            lineHeight = 0;
        }
        ObjectNode panel = panels.addObject();
        panel.put("id", ++id).put("type", type).put("title", title);
        panel.set("datasource", datasource());
        panel.putObject("gridPos").put("h", height).put("w", width).put("x", x).put("y", y);
        x += width;
        lineHeight = Math.max(lineHeight, height);
        return panel;
    }
}
