package io.meshwork.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code mesh --version}: the Meshwork version this CLI was built as (the Maven project version). */
public final class MeshVersion implements IVersionProvider {

    private static final String RESOURCE = "/meshwork-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"mesh " + version()};
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}: that of the products built with it, and of their images. */
    public static String version() {
        try (InputStream in = MeshVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the mesh CLI's classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
