package io.meshwork.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.core.http.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyFormatTest {

    @ParameterizedTest(name = "{0} key ''{1}''")
    @CsvSource({
            "Long, abc", "Long, 1.5", "Long, 99999999999999999999", "Long, ''", "Integer, 2147483648",
            "Short, 40000", "Double, one", "UUID, not-a-uuid", "UUID, 1-2-3-4-5", "Boolean, yes"})
    void malformedKeysAreBadRequests(String type, String text) throws Exception {
        KeyFormat format = KeyFormat.of(Class.forName(type.equals("UUID") ? "java.util.UUID" : "java.lang." + type));
        assertThatThrownBy(() -> format.parse(text, "key"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains(type);
                });
    }

    @Test
    void keysAreParsedIntoTheDeclaredType() {
        assertThat(KeyFormat.of(Long.class).parse("-42", "key")).isEqualTo(-42L);
        assertThat(KeyFormat.of(int.class).parse("7", "key")).isEqualTo(7);
        UUID id = UUID.randomUUID();
        assertThat(KeyFormat.of(UUID.class).parse(id.toString(), "key")).isEqualTo(id);
        assertThat(KeyFormat.of(Boolean.class).parse("true", "key")).isEqualTo(true);
        assertThat(KeyFormat.of(String.class).parse("a b/c", "key")).isEqualTo("a b/c");
    }

    @Test
    void storeOrderIsTheOrderOfTheSerializedKeys() {
        KeyFormat longs = KeyFormat.of(Long.class);
        assertThat(KeyFormat.compare(longs.bytes(2L), longs.bytes(10L))).isNegative();
        KeyFormat strings = KeyFormat.of(String.class);
        assertThat(KeyFormat.compare(strings.bytes("b"), strings.bytes("ab"))).isPositive();
        assertThat(KeyFormat.compare(strings.bytes("z"), strings.bytes("über"))).isNegative();
    }

    @Test
    void unsupportedKeyTypesAreRefusedWhenTheStoreIsDeclared() {
        assertThatThrownBy(() -> new StoreDeclarations().keyValue("store", StringBuilder.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StringBuilder").hasMessageContaining("Long");
    }
}
