package io.meshwork.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String METRICS = """
            # HELP dataproduct_records_out_total Records published
            # TYPE dataproduct_records_out_total counter
            dataproduct_records_out_total{domain="commerce",product="orders"} 1204.0
            dataproduct_records_out_total_created{product="orders"} 1.7e9
            # TYPE dataproduct_records_dlq_total counter
            dataproduct_records_dlq_total{product="orders",reason="schema violation"} 12.0
            dataproduct_records_dlq_total{product="orders",reason="unreadable"} 3.0 1733100000000
            dataproduct_lag 4
            """;

    @Test
    void sumsEverySampleOfTheMetricWhateverItsLabels() {
        assertThat(PrometheusText.sum(METRICS, "dataproduct_records_dlq_total")).isEqualTo(15);
        assertThat(PrometheusText.sum(METRICS, "dataproduct_records_out_total")).isEqualTo(1204);
        assertThat(PrometheusText.sum(METRICS, "dataproduct_lag")).isEqualTo(4);
    }

    @Test
    void aMetricThatIsNotThereIsZero() {
        assertThat(PrometheusText.sum(METRICS, "dataproduct_records_in_total")).isZero();
        assertThat(PrometheusText.sum("", "dataproduct_records_out_total")).isZero();
    }
}
