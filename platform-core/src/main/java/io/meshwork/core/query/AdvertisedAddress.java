package io.meshwork.core.query;

import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The address other instances reach this one's query port at, which Kafka Streams shares with the group as
 * {@code application.server}. In order: an explicit {@code application.server} setting
 * ({@code KAFKA_APPLICATION_SERVER}), {@code MESHWORK_ADVERTISED_URL} ({@code http://host:port} or
 * {@code host:port}; in Kubernetes e.g. {@code http://$(POD_IP):8080}), else the bind host (localhost for a
 * wildcard bind) and the bound port.
 */
public final class AdvertisedAddress {

    private AdvertisedAddress() {
    }

    /**
     * Resolves the address and sets it as {@code application.server} in {@code streamsProperties}.
     *
     * @param streamsProperties the Kafka Streams settings about to be used
     * @param advertisedUrl     {@code MESHWORK_ADVERTISED_URL}, if set
     * @param bindHost          the port's bind address
     * @param boundPort         the port actually bound
     * @throws IllegalArgumentException if the advertised URL is malformed
     */
    public static HostInfo apply(Properties streamsProperties, Optional<String> advertisedUrl, String bindHost, int boundPort) {
        Object explicit = streamsProperties.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        HostInfo self;
        if (explicit != null && !explicit.toString().isBlank()) {
            self = HostInfo.buildFromEndpoint(explicit.toString());
        } else if (advertisedUrl.isPresent()) {
            self = parse(advertisedUrl.get(), boundPort);
        } else {
            self = new HostInfo(bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "localhost" : bindHost, boundPort);
        }
        streamsProperties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        return self;
    }

    private static HostInfo parse(String url, int boundPort) {
        try {
            URI uri = URI.create(url.contains("://") ? url : "http://" + url);
            if (uri.getHost() == null || !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not an http://host:port address");
            }
            return new HostInfo(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : boundPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MESHWORK_ADVERTISED_URL '" + url + "' is not http://host[:port]: "
                    + e.getMessage(), e);
        }
    }
}
