package io.meshwork.core.runtime;

import io.meshwork.core.DataProduct;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.metrics.FlowMetrics;
import io.meshwork.core.port.RecordPath;
import io.meshwork.core.query.StoreDeclarations;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * A product's topology as the platform assembles it: the domain code between the record path's declared input ports
 * and its contract-validated output port, plus the Streams settings that wire the dead-letter path. Used by
 * {@link ProductRuntime} against a cluster, and by the product test driver and {@code mesh lint} without one.
 */
public final class ProductTopology {

    private final Topology topology;
    private final StoreDeclarations stores;
    private final Properties properties;

    private ProductTopology(DataProduct product, Contract contract, ProductConfig config, FlowMetrics flow) {
        RecordPath recordPath = new RecordPath(contract, new FlowCounter(flow), config.kafka());
        this.properties = streamsProperties(contract, config, recordPath);
        StreamsBuilder builder = new StreamsBuilder();
        TopologyContext context = new TopologyContext(contract, builder, recordPath);
        product.topology(context);
        if (!context.published()) {
            throw new IllegalStateException("product '" + contract.name() + "' never publishes to its output port: "
                    + "call ctx.output(stream) in topology()");
        }
        this.topology = builder.build(properties);
        DeclaredPorts.verify(contract, topology);
        this.stores = context.queries();
    }

    /**
     * Assembles {@code product} under {@code contract}, counting its records on {@code flow}.
     *
     * @throws IllegalArgumentException if the topology reads an input the contract does not declare; an
     *                                  {@link UndeclaredTopicsException} if it reads or writes (through
     *                                  {@code ctx.builder()}) any topic the contract's ports do not declare
     * @throws IllegalStateException    if the topology never publishes to the output port
     */
    public static ProductTopology assemble(DataProduct product, Contract contract, ProductConfig config, FlowMetrics flow) {
        return new ProductTopology(product, contract, config, flow);
    }

    /** The built topology. */
    public Topology topology() {
        return topology;
    }

    /** Kafka Streams settings: the product's, then pass-through settings, then the platform's error path. */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The stores the topology exposes on the query port. */
    public StoreDeclarations stores() {
        return stores;
    }

    private static Properties streamsProperties(Contract contract, ProductConfig config, RecordPath recordPath) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, contract.name());
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        config.stateDir().ifPresent(dir -> p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString()));
        p.putAll(config.kafka());
        // The platform owns the error path: pass-through settings cannot replace it.
        recordPath.configure(p);
        return p;
    }
}
