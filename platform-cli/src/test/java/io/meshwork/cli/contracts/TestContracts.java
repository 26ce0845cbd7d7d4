package io.meshwork.cli.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small mesh of contracts written to a test folder: shop/widgets reads a topic, shop/widget-stats reads widgets. */
public final class TestContracts {

    /** The widgets contract, following every policy. */
    public static final String WIDGETS = """
            dataProduct:
              name: widgets
              domain: shop
              owner: shop-team
              version: 1.0.0
              description: Every widget made in the shop, one record per widget.
            ports:
              inputs:
                - topic: shop.widgets.made
              output:
                key: id
            schema:
              type: object
              additionalProperties: false
              required: [id]
              properties:
                id:
                  type: string
                  description: Widget id
                size:
                  type: integer
                  minimum: 0
                  description: Size in millimetres
            sla:
              freshness: PT5M
              availability: 99.9%
              qualityScore: 0.95
            access:
              classification: internal
              requiredPermissions: [shop:read]
            """;

    /** Statistics over widgets, reading the widgets product. */
    public static final String WIDGET_STATS = """
            dataProduct:
              name: widget-stats
              domain: shop
              owner: shop-team
              version: 2.1.0
              description: How many widgets of each size the shop made, per hour.
            ports:
              inputs:
                - product: shop/widgets
            schema:
              type: object
              properties:
                size:
                  type: integer
                  description: Size in millimetres
                count:
                  type: integer
                  description: Widgets made
            sla:
              freshness: PT1H
              availability: 99.5%
              qualityScore: 0.9
            access:
              classification: internal
              requiredPermissions: [shop:read, analytics:read]
            """;

    private TestContracts() {
    }

    /** Writes both contracts under {@code dir} and returns {@code dir}. */
    public static Path write(Path dir) {
        write(dir.resolve("shop/widgets.yaml"), WIDGETS);
        write(dir.resolve("shop/widget-stats.yaml"), WIDGET_STATS);
        return dir;
    }

    /** Writes {@code text} to {@code file}, creating folders. */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
