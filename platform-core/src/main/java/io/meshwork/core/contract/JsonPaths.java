package io.meshwork.core.contract;

import java.util.regex.Pattern;

/** JSON paths of record fields ({@code $.items[*].price}), as governance reports name them to consumers. */
public final class JsonPaths {

    /** The path of the whole record. */
    public static final String ROOT = "$";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private JsonPaths() {
    }

    /** The path of property {@code name} of the object at {@code parent}. */
    public static String property(String parent, String name) {
        return PLAIN.matcher(name).matches() ? parent + "." + name : parent + "['" + name.replace("'", "\\'") + "']";
    }

    /** The path of every item of the array at {@code parent}. */
    public static String items(String parent) {
        return parent + "[*]";
    }
}
