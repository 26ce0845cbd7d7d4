package io.meshwork.core.contract;

/**
 * The {@code dataProduct} block of a contract: who the product is and who owns it.
 *
 * @param name        product name, unique within its domain (e.g. {@code customer-360})
 * @param domain      owning business domain (e.g. {@code marketing})
 * @param owner       owning team
 * @param version     semantic version of the contract
 * @param description what the product is for; may be empty
 */
public record ProductIdentity(String name, String domain, String owner, String version, String description) {

    /** {@code <domain>/<name>}: how products refer to each other. */
    public String qualifiedName() {
        return domain + "/" + name;
    }
}
