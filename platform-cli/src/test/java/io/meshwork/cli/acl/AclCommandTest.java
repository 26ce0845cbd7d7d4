package io.meshwork.cli.acl;

import static io.meshwork.cli.contracts.CommandRun.mesh;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.contracts.TestContracts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class AclCommandTest {

    @TempDir
    Path contracts;

    @Test
    void eachProductMayReadItsInputsAndWriteItsOutputAndDeadLetterTopics() {
        TestContracts.write(contracts);

        CommandRun run = mesh("acl", "--contracts", contracts.toString());

        assertThat(run.out()).contains("""
                User:shop-widgets ALLOW READ TOPIC shop.widgets.made (literal)
                User:shop-widgets ALLOW DESCRIBE TOPIC shop.widgets.made (literal)
                User:shop-widgets ALLOW WRITE TOPIC shop.widgets (literal)
                User:shop-widgets ALLOW DESCRIBE TOPIC shop.widgets (literal)
                User:shop-widgets ALLOW WRITE TOPIC shop.widgets.dlq (literal)
                User:shop-widgets ALLOW DESCRIBE TOPIC shop.widgets.dlq (literal)
                User:shop-widgets ALLOW ALL TOPIC widgets- (prefixed)
                User:shop-widgets ALLOW READ GROUP widgets (prefixed)
                User:shop-widgets ALLOW WRITE TRANSACTIONAL_ID widgets (prefixed)
                User:shop-widgets ALLOW DESCRIBE TRANSACTIONAL_ID widgets (prefixed)
                """).contains("User:shop-widget-stats ALLOW READ TOPIC shop.widgets (literal)\n");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aConsumerMayReadOnlyTheProductsWhoseRequiredPermissionsItHoldsAll() {
        TestContracts.write(contracts);

        CommandRun shopOnly = mesh("acl", "--contracts", contracts.toString(), "--consumer", "dashboard", "--permission", "shop:read");
        CommandRun both = mesh("acl", "--contracts", contracts.toString(), "--consumer", "dashboard",
                "--permission", "shop:read,analytics:read");

        assertThat(shopOnly.out()).isEqualTo("""
                User:dashboard ALLOW READ TOPIC shop.widgets (literal)
                User:dashboard ALLOW DESCRIBE TOPIC shop.widgets (literal)
                User:dashboard ALLOW READ GROUP dashboard (prefixed)
                """);
        assertThat(both.out()).contains("User:dashboard ALLOW READ TOPIC shop.widget-stats (literal)\n");
    }

    @Test
    void strimziFormatIsAKafkaUserPerPrincipalWithItsAclRules() {
        TestContracts.write(contracts);

        CommandRun run = mesh("acl", "--contracts", contracts.toString(), "--format", "strimzi");

        List<JsonNode> users = new ArrayList<>();
        YAMLMapper.builder().build().readValues(YAMLMapper.builder().build().createParser(run.out()), JsonNode.class)
                .forEachRemaining(users::add);
        assertThat(users).extracting(user -> user.at("/metadata/name").asString())
                .containsExactly("shop-widget-stats", "shop-widgets");
        JsonNode widgets = users.get(1);
        assertThat(widgets.get("apiVersion").asString()).isEqualTo("kafka.strimzi.io/v1");
        assertThat(widgets.get("kind").asString()).isEqualTo("KafkaUser");
        assertThat(widgets.at("/metadata/labels/strimzi.io~1cluster").asString()).isEqualTo("enterprise-data-mesh");
        assertThat(widgets.at("/spec/authorization/type").asString()).isEqualTo("simple");
        assertThat(widgets.at("/spec/authorization/acls/0").toString()).isEqualTo("{\"resource\":{\"type\":\"topic\","
                + "\"name\":\"shop.widgets.made\",\"patternType\":\"literal\"},\"operations\":[\"Read\",\"Describe\"]}");
        assertThat(widgets.at("/spec/authorization/acls/5").toString()).isEqualTo("{\"resource\":{\"type\":"
                + "\"transactionalId\",\"name\":\"widgets\",\"patternType\":\"prefix\"},\"operations\":[\"Write\",\"Describe\"]}");
    }

    @Test
    void aPermissionWithoutAConsumerIsBadUsage() {
        TestContracts.write(contracts);

        assertThat(mesh("acl", "--contracts", contracts.toString(), "--permission", "shop:read").exit()).isEqualTo(2);
        assertThat(mesh("acl", "--contracts", contracts.toString(), "--consumer", "Bad Name").exit()).isEqualTo(2);
    }
}
