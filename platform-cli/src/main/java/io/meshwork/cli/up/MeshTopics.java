package io.meshwork.cli.up;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.runtime.TopicProvisioner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Every topic the contracts declare: each product's output and dead-letter topics, and the inputs no product
 * publishes (operational systems' topics such as {@code commerce.orders.placed}), which get as many partitions
 * as the largest output reading them.
 */
public final class MeshTopics {

    private MeshTopics() {
    }

    /** Every topic of {@code contracts}, as {@code mesh up} creates it. */
    public static List<NewTopic> of(List<Contract> contracts) {
        List<NewTopic> topics = new ArrayList<>();
        contracts.forEach(c -> topics.addAll(TopicProvisioner.topicsOf(c)));
        Set<String> published = contracts.stream().map(Contract::outputTopic).collect(Collectors.toSet());
        Map<String, Integer> external = new LinkedHashMap<>();
        for (Contract contract : contracts) {
            for (String input : contract.ports().inputTopics()) {
                if (!published.contains(input)) {
                    external.merge(input, contract.ports().output().partitions(), Math::max);
                }
            }
        }
        external.forEach((name, partitions) -> topics.add(new NewTopic(name, Optional.of(partitions), Optional.empty())));
        return topics;
    }
}
