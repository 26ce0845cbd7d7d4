package io.meshwork.core.runtime;

import io.meshwork.core.contract.Contract;
import io.meshwork.core.contract.Ports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a contract declares, when missing: output topics with the declared partitions and cleanup
 * policy, and dead-letter topics (delete policy, same partitions). Used by the product at start-up and by
 * {@code mesh up} for the whole mesh. Where a cluster forbids it (ACLs, GitOps-managed topics), it logs and
 * carries on: topics then come from the deployment (Strimzi KafkaTopic).
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** The output and dead-letter topics of {@code contract}. */
    public static List<NewTopic> topicsOf(Contract contract) {
        Ports.Output output = contract.ports().output();
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, output.cleanupPolicy().name().toLowerCase(Locale.ROOT));
        output.retention().ifPresent(r -> configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(r.toMillis())));
        NewTopic out = new NewTopic(output.topic(), Optional.of(output.partitions()), Optional.empty()).configs(configs);
        NewTopic dlq = new NewTopic(contract.ports().deadLetter(), Optional.of(output.partitions()), Optional.empty());
        return List.of(out, dlq);
    }

    /**
     * Every topic a set of contracts declares: each product's output and dead-letter topics, and the inputs no
     * product publishes (operational systems' topics such as {@code commerce.orders.placed}), which get as many
     * partitions as the largest output reading them. What {@code mesh up} creates and Strimzi manifests declare.
     */
    public static List<NewTopic> topicsOf(List<Contract> contracts) {
        List<NewTopic> topics = new ArrayList<>();
        contracts.forEach(c -> topics.addAll(topicsOf(c)));
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

    /** Creates every topic of {@code topics} that does not exist yet; returns the names it created. */
    public List<String> ensure(List<NewTopic> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warn("Could not create topic {}: {}", entry.getKey(), e.getCause().getMessage());
                    }
                }
            }
            if (!created.isEmpty()) {
                LOG.info("Created topics {}", created);
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not check or create topics {}: {}", topics.stream().map(NewTopic::name).toList(), e.toString());
            return List.of();
        }
    }

    /** Whether every topic in {@code names} exists. */
    public boolean allExist(List<String> names) {
        try {
            return admin.listTopics().names().get(5, TimeUnit.SECONDS).containsAll(names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
