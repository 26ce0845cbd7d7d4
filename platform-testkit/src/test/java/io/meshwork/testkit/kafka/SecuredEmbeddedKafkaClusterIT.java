package io.meshwork.testkit.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secured embedded cluster: SASL_SSL, SCRAM-SHA-512, TLS from a CA made up at start, ACLs enforced. */
class SecuredEmbeddedKafkaClusterIT {

    private static EmbeddedKafkaCluster kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafkaCluster.builder().secured().start();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void clientSettingsAreTheArticlesSaslSslScramSha512WithTheGeneratedTruststore() {
        String password = kafka.addUser("settings-user");
        Map<String, Object> settings = kafka.clientSettings("settings-user");

        assertThat(kafka.secured()).isTrue();
        assertThat(settings)
            .containsEntry("bootstrap.servers", kafka.bootstrapServers())
            .containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
            .containsEntry("ssl.truststore.type", "PKCS12")
            .containsKeys("ssl.truststore.location", "ssl.truststore.password");
        assertThat(settings.get("sasl.jaas.config").toString())
            .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
            .contains("username=\"settings-user\"", "password=\"" + password + "\"");
        assertThat(Path.of(settings.get("ssl.truststore.location").toString())).isRegularFile();
    }

    @Test
    void theAdminIsASuperUserThatProducesAndConsumesWithoutAcls() {
        kafka.createTopic("secured.admin", 1);
        try (KafkaTestClient admin = kafka.newClient()) {
            admin.produce("secured.admin", "k", "v");
            assertThat(admin.consumeUntil("secured.admin", 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }

    @Test
    void aUserMayDoOnlyWhatItsAclsAllow() throws Exception {
        kafka.createTopic("secured.allowed", 1);
        kafka.createTopic("secured.denied", 1);
        kafka.addUser("writer");
        kafka.admin().createAcls(List.of(
            allow("writer", "secured.allowed", AclOperation.WRITE),
            allow("writer", "secured.allowed", AclOperation.DESCRIBE))).all().get(30, TimeUnit.SECONDS);

        try (KafkaTestClient writer = kafka.newClient("writer")) {
            writer.produce("secured.allowed", "k", "v");
            assertThatThrownBy(() -> writer.produce("secured.denied", "k", "v"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaTestClient admin = kafka.newClient()) {
            List<ConsumerRecord<String, byte[]>> written = admin.consumeUntil("secured.allowed", 1, Duration.ofSeconds(20));
            assertThat(KafkaTestClient.valuesAsStrings(written)).containsExactly("v");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtOnce() {
        kafka.addUser("careless");
        try (Admin admin = Admin.create(kafka.clientSettings("careless", "not-the-password"))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithoutCredentialsGetsNoAnswer() {
        Map<String, Object> plaintext = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void theKeysAreDeletedWithTheCluster() {
        EmbeddedKafkaCluster other = EmbeddedKafkaCluster.builder().secured().start();
        Path keys = Path.of(other.clientSettings(other.adminUser()).get("ssl.truststore.location").toString()).getParent();
        assertThat(keys).isDirectory();
        other.close();
        assertThat(Files.exists(keys)).isFalse();
    }

    private static AclBinding allow(String user, String topic, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
            new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
