package io.meshwork.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code mesh --version}: the Meshwork version from the jar manifest. */
public final class MeshVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Mesh.class.getPackage().getImplementationVersion();
        return new String[] {"mesh " + (version == null ? "development build" : version)};
    }
}
