package io.meshwork.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.ContractLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompatibilityGateTest {

    private static final String FIELDS = """
              properties:
                id: {type: string, description: The widget}
            """;

    @Test
    void theSameContractMayStartAgain() {
        Contract registered = widgets("1.0.0", "[id]", FIELDS);

        assertThat(CompatibilityGate.refusal(registered, widgets("1.0.0", "[id]", FIELDS))).isEmpty();
    }

    @Test
    void aBreakingChangeWithinOneMajorVersionIsRefusedWithTheRuleThatFired() {
        Contract registered = widgets("1.0.0", "[id]", FIELDS);
        Contract starting = widgets("1.1.0", "[id, colour]", FIELDS + "    colour: {type: string, description: Paint}\n");

        assertThat(CompatibilityGate.refusal(registered, starting)).hasValueSatisfying(refusal -> assertThat(refusal)
                .contains("shop/widgets 1.1.0 is incompatible with the registered 1.0.0")
                .contains("required-added at $.colour")
                .contains("publish 2.0.0 or later"));
    }

    @Test
    void anOlderInstanceIsRefusedWhenTheRegisteredVersionBrokeItWithinTheMajorVersion() {
        Contract registered = widgets("1.1.0", "[id, colour]", FIELDS + "    colour: {type: string, description: Paint}\n");

        assertThat(CompatibilityGate.refusal(registered, widgets("1.0.0", "[id]", FIELDS))).isPresent();
    }

    @Test
    void aCompatibleChangeOrANewMajorVersionMayStart() {
        Contract registered = widgets("1.0.0", "[id]", FIELDS);

        assertThat(CompatibilityGate.refusal(registered, widgets("1.1.0", "[]", FIELDS))).isEmpty();
        assertThat(CompatibilityGate.refusal(registered,
                widgets("2.0.0", "[id, colour]", FIELDS + "    colour: {type: string, description: Paint}\n"))).isEmpty();
    }

    private static Contract widgets(String version, String required, String properties) {
        return ContractLoader.parse(Path.of("contracts/shop/widgets.yaml"), """
                dataProduct: {name: widgets, domain: shop, owner: shop-team, version: %s}
                schema:
                  type: object
                  required: %s
                %s""".formatted(version, required, properties));
    }
}
