package io.meshwork.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class AdvertisedAddressTest {

    @Test
    void defaultsToTheBoundPortOnLocalhost() {
        Properties streams = new Properties();
        assertThat(AdvertisedAddress.apply(streams, Optional.empty(), "0.0.0.0", 4711)).isEqualTo(new HostInfo("localhost", 4711));
        assertThat(streams.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("localhost:4711");
    }

    @Test
    void anAdvertisedUrlWinsOverTheBindAddress() {
        Properties streams = new Properties();
        assertThat(AdvertisedAddress.apply(streams, Optional.of("http://orders-1.orders:8080"), "0.0.0.0", 4711))
                .isEqualTo(new HostInfo("orders-1.orders", 8080));
        assertThat(AdvertisedAddress.apply(new Properties(), Optional.of("10.0.0.7"), "0.0.0.0", 4711))
                .isEqualTo(new HostInfo("10.0.0.7", 4711));
        assertThatThrownBy(() -> AdvertisedAddress.apply(new Properties(), Optional.of("ftp://x"), "0.0.0.0", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MESHWORK_ADVERTISED_URL");
    }

    @Test
    void anExplicitApplicationServerIsKept() {
        Properties streams = new Properties();
        streams.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "pod-3:9000");
        assertThat(AdvertisedAddress.apply(streams, Optional.of("http://ignored:1"), "0.0.0.0", 4711))
                .isEqualTo(new HostInfo("pod-3", 9000));
    }
}
