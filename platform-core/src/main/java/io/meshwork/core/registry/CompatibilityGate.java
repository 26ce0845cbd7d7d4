package io.meshwork.core.registry;

import io.meshwork.core.compat.Change;
import io.meshwork.core.compat.CompatibilityMode;
import io.meshwork.core.compat.ContractDiff;
import io.meshwork.core.compat.SemanticVersion;
import io.meshwork.core.contract.Contract;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a product may start while another contract of it is registered: {@code mesh diff}'s checks
 * ({@link ContractDiff}, in its default {@link CompatibilityMode#BACKWARD} mode, with the default classification
 * order) between the two versions, older to newer. A breaking change within one major version refuses the start; a
 * new major version (or minor, before 1.0.0) may break, and then replaces the registration.
 */
public final class CompatibilityGate {

    /** The mode {@code mesh diff} checks by default, so a contract that passes CI's diff also starts. */
    public static final CompatibilityMode MODE = CompatibilityMode.BACKWARD;

    private CompatibilityGate() {
    }

    /** Why {@code starting} may not start while {@code registered} is registered; empty when it may. */
    public static Optional<String> refusal(Contract registered, Contract starting) {
        SemanticVersion was = SemanticVersion.parse(registered.version());
        SemanticVersion is = SemanticVersion.parse(starting.version());
        boolean upgrade = was.compareTo(is) <= 0;
        SemanticVersion older = upgrade ? was : is;
        SemanticVersion newer = upgrade ? is : was;
        if (older.allowsBreakingChangeTo(newer)) {
            return Optional.empty();
        }
        List<Change> breaking = ContractDiff.between(upgrade ? registered : starting, upgrade ? starting : registered,
                ContractDiff.DEFAULT_CLASSIFICATIONS).breaking(MODE);
        if (breaking.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("contract " + starting.identity().qualifiedName() + " " + starting.version()
                + " is incompatible with the registered " + registered.version() + " (" + MODE.label()
                + ", same major version; publish " + older.nextBreaking() + " or later, or make the change compatible):\n"
                + breaking.stream().map(change -> "  " + change.rule() + " at " + change.path() + ": " + change.message())
                .collect(Collectors.joining("\n")));
    }
}
