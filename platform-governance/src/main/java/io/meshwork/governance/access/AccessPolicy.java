package io.meshwork.governance.access;

import io.meshwork.core.contract.Contract;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Kafka ACLs derived from contracts: what a product's own principal needs to run, and what a consumer holding a
 * set of permissions may read. The input of Strimzi {@code KafkaUser} generation ({@code mesh acl --format strimzi}).
 *
 * <p>A contract's {@code access.requiredPermissions} are all required: a consumer may read a product only if it
 * holds every one of them. Kafka ACLs cannot say "all of", so the grant is computed per consumer, from the
 * permissions it holds, rather than per permission.
 */
public final class AccessPolicy {

    private static final String ANY_HOST = "*";

    private AccessPolicy() {
    }

    /** The Kafka principal a product runs as: {@code User:<domain>-<name>}. */
    public static String principalOf(Contract contract) {
        return "User:" + userOf(contract);
    }

    /** The user name a product logs in with (SCRAM, mTLS common name): {@code <domain>-<name>}. */
    public static String userOf(Contract contract) {
        return contract.domain() + "-" + contract.name();
    }

    /**
     * What a product's Kafka Streams application needs: read its inputs, write its output and dead-letter topics,
     * its consumer group and internal topics (prefix = application id = product name), and transactional ids for
     * {@code exactly_once_v2}.
     */
    public static List<AclBinding> forProduct(Contract contract) {
        String principal = principalOf(contract);
        String applicationId = contract.name();
        List<AclBinding> acls = new ArrayList<>();
        for (String input : contract.ports().inputTopics()) {
            allow(acls, principal, ResourceType.TOPIC, input, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        }
        allow(acls, principal, ResourceType.TOPIC, contract.outputTopic(), PatternType.LITERAL,
                AclOperation.WRITE, AclOperation.DESCRIBE);
        allow(acls, principal, ResourceType.TOPIC, contract.ports().deadLetter(), PatternType.LITERAL,
                AclOperation.WRITE, AclOperation.DESCRIBE);
        allow(acls, principal, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL);
        allow(acls, principal, ResourceType.GROUP, applicationId, PatternType.PREFIXED, AclOperation.READ);
        allow(acls, principal, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED,
                AclOperation.WRITE, AclOperation.DESCRIBE);
        return acls;
    }

    /**
     * What a product needs to send its OpenLineage run events to {@code topic} on its own cluster
     * ({@code MESHWORK_OPENLINEAGE_TRANSPORT=kafka}): {@code WRITE} and {@code DESCRIBE} on that topic. Not part of
     * {@link #forProduct}: lineage is the deployment's choice, not the contract's.
     */
    public static List<AclBinding> forLineageEvents(Contract contract, String topic) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, principalOf(contract), ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE,
                AclOperation.DESCRIBE);
        return acls;
    }

    /**
     * What consumer {@code name}, holding {@code permissions}, may read: {@code READ} and {@code DESCRIBE} on the
     * output topic of every product whose required permissions it holds (all of them; a product that requires none
     * is readable by every consumer), and {@code READ} on consumer groups prefixed with its name.
     */
    public static List<AclBinding> forConsumer(String name, Set<String> permissions, Collection<Contract> products) {
        String principal = "User:" + name;
        List<AclBinding> acls = new ArrayList<>();
        for (Contract product : readableBy(permissions, products)) {
            allow(acls, principal, ResourceType.TOPIC, product.outputTopic(), PatternType.LITERAL,
                    AclOperation.READ, AclOperation.DESCRIBE);
        }
        allow(acls, principal, ResourceType.GROUP, name, PatternType.PREFIXED, AclOperation.READ);
        return acls;
    }

    /** The products a holder of {@code permissions} may read. */
    public static List<Contract> readableBy(Set<String> permissions, Collection<Contract> products) {
        return products.stream().filter(p -> mayRead(permissions, p)).toList();
    }

    private static boolean mayRead(Set<String> permissions, Contract product) {
        return permissions.containsAll(product.access().requiredPermissions());
    }

    private static void allow(List<AclBinding> acls, String principal, ResourceType type, String name,
                              PatternType pattern, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, ANY_HOST, operation, AclPermissionType.ALLOW)));
        }
    }
}
