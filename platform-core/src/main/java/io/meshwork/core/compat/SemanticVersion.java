package io.meshwork.core.compat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract version, {@code major.minor.patch[-pre][+build]}.
 *
 * @param major      breaking changes
 * @param minor      compatible additions
 * @param patch      fixes
 * @param preRelease the part after {@code -}, empty if none
 */
public record SemanticVersion(int major, int minor, int patch, String preRelease) implements Comparable<SemanticVersion> {

    private static final Pattern FORMAT = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException if it is not a semantic version
     */
    public static SemanticVersion parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a semantic version such as 1.4.0");
        }
        return new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4));
    }

    /**
     * Whether going from {@code this} to {@code next} may break consumers: a higher major version, or, before 1.0.0
     * (where semantic versioning promises nothing), a higher minor version.
     */
    public boolean allowsBreakingChangeTo(SemanticVersion next) {
        return next.major > major || (major == 0 && next.major == 0 && next.minor > minor);
    }

    /** The smallest version after this one that may carry breaking changes. */
    public SemanticVersion nextBreaking() {
        return major == 0 ? new SemanticVersion(0, minor + 1, 0, "") : new SemanticVersion(major + 1, 0, 0, "");
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byNumbers = major != other.major ? Integer.compare(major, other.major)
                : minor != other.minor ? Integer.compare(minor, other.minor) : Integer.compare(patch, other.patch);
        if (byNumbers != 0 || preRelease.equals(other.preRelease)) {
            return byNumbers;
        }
        // 1.0.0-rc.1 < 1.0.0; pre-releases compare as text, which is close enough for a gate.
        return preRelease.isEmpty() ? 1 : other.preRelease.isEmpty() ? -1 : preRelease.compareTo(other.preRelease);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
    }
}
