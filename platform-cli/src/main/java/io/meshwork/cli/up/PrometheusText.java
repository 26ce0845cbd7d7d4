package io.meshwork.cli.up;

/** Reading figures out of the Prometheus text format a product's {@code /metrics} serves. */
final class PrometheusText {

    private PrometheusText() {
    }

    /** The sum of every sample of {@code metric} (all label sets), 0 when there is none. */
    static long sum(String exposition, String metric) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(metric) || line.length() == metric.length()) {
                continue;
            }
            char next = line.charAt(metric.length());
            if (next != '{' && next != ' ') {
                continue; // another metric whose name starts with this one
            }
            // "name{labels} value [timestamp]": the value follows the labels, whose values may hold spaces.
            String rest = next == '{' ? line.substring(line.lastIndexOf('}') + 1) : line.substring(metric.length());
            sum += Double.parseDouble(rest.trim().split(" ")[0]);
        }
        return (long) sum;
    }
}
