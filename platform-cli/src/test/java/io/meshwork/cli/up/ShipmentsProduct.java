package io.meshwork.cli.up;

import io.meshwork.core.DataProduct;
import io.meshwork.core.EventTime;
import io.meshwork.core.ProductContext;
import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** A product outside contracts/: its contract is only in its own resources ({@code product-outside-contracts/}). */
final class ShipmentsProduct implements DataProduct {

    static final String SCANS = "logistics.parcels.scanned";

    /** A scan as the depots' scanners publish it; the published shipment has the same fields. */
    record Scan(String parcelId, String depot, String scannedAt) {
    }

    @Override
    public String name() {
        return "shipments";
    }

    @Override
    public void topology(ProductContext ctx) {
        ctx.output(ctx.input(SCANS, Scan.class, EventTime.iso(Scan::scannedAt)));
    }

    /** The contract shipped with the product, and nowhere else. */
    static Contract contract() {
        try {
            return ContractLoader.load(Path.of(ShipmentsProduct.class
                    .getResource("/product-outside-contracts/logistics/shipments.yaml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
