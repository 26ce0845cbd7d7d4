package io.meshwork.cli.up;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.query.QueryableStores;
import io.meshwork.core.runtime.ProductRuntime;
import java.util.List;

/** A product running inside the mesh's own JVM, the default of {@code mesh up}. */
final class InProcessInstance implements ProductInstance {

    private final ProductRuntime runtime;

    InProcessInstance(ProductRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String label() {
        return runtime.contract().name();
    }

    @Override
    public Contract contract() {
        return runtime.contract();
    }

    @Override
    public String url() {
        return "http://localhost:" + runtime.httpPort();
    }

    @Override
    public List<String> stores() {
        return runtime.stores().stream().map(QueryableStores.ExposedStore::name).toList();
    }

    @Override
    public Flow flow() {
        return new Flow((long) runtime.flow().out(), (long) runtime.flow().deadLettered());
    }

    @Override
    public void close() {
        runtime.close();
    }
}
