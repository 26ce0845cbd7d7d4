package io.meshwork.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContractDocumentTest {

    static List<Path> contracts() throws URISyntaxException {
        return new ContractLocator(Path.of(ContractDocumentTest.class.getResource("/contracts").toURI())).all();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void aContractWrittenBackInTheContractFormatReadsAsTheSameContract(Path file) {
        Contract contract = ContractLoader.load(file);
        Map<String, String> topics = new java.util.HashMap<>();
        contract.ports().inputs().forEach(input -> input.product().ifPresent(p -> topics.put(p, input.topic())));

        Contract again = ContractLoader.read(file, ContractDocument.of(contract), p -> Optional.ofNullable(topics.get(p)));

        assertThat(again).isEqualTo(contract);
    }
}
