package io.meshwork.core;

/**
 * A data product: a name that finds its contract ({@code contracts/<domain>/<name>.yaml}) and a topology written
 * against a {@link ProductContext}. The platform supplies serdes, the output port's contract check, the
 * dead-letter path, metrics and the query port.
 *
 * <pre>{@code
 * public final class Orders implements DataProduct {
 *     public String name() { return "orders"; }
 *     public void topology(ProductContext ctx) {
 *         ctx.output(ctx.input("commerce.orders.placed", OrderPlaced.class).mapValues(Order::from));
 *     }
 *     public static void main(String[] args) { Meshwork.run(new Orders()); }
 * }
 * }</pre>
 */
public interface DataProduct {

    /** The product name, as in its contract's {@code dataProduct.name}. */
    String name();

    /** Builds the product's topology: read declared inputs, publish to {@link ProductContext#output}. */
    void topology(ProductContext ctx);
}
