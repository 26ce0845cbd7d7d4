package io.meshwork.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {

    private static final Instant LATER = Instant.now().plus(Duration.ofHours(1));

    @TempDir
    Path dir;

    @Test
    void aDevelopmentTokenGrantsItsPermissions() throws Exception {
        DevelopmentToken dev = DevelopmentTokens.issue(List.of("web:read", "analytics:read"), Duration.ofHours(12));
        assertThat(verifier(AccessSettings.none().withJwtSecret(dev.secret())).permissions(dev.token()))
                .containsExactly("web:read", "analytics:read");
        assertThat(dev.authorization()).isEqualTo("Bearer " + dev.token());
        assertThat(dev.toString()).doesNotContain(dev.secret());
    }

    @Test
    void tokensSignedWithAnotherKeyExpiredOrWithoutExpiryAreRejected() throws Exception {
        String secret = DevelopmentTokens.newSecret();
        TokenVerifier verifier = verifier(AccessSettings.none().withJwtSecret(secret));
        assertInvalid(verifier, DevelopmentTokens.sign(DevelopmentTokens.newSecret(), List.of("a"), LATER), "signature");
        assertInvalid(verifier, DevelopmentTokens.sign(secret, List.of("a"), Instant.now().minus(Duration.ofHours(1))), "Expired");
        assertInvalid(verifier, hs256(secret, new JWTClaimsSet.Builder().claim("permissions", List.of("a")).build()), "exp");
        assertInvalid(verifier, "not.a.jwt", "");
        assertInvalid(verifier, hs256(secret, claims().claim("permissions", 42).build()), "permissions");
    }

    @Test
    void aValidTokenWithAnythingAppendedOrChangedInItsSparedBitsIsRejected() throws Exception {
        String secret = DevelopmentTokens.newSecret();
        TokenVerifier verifier = verifier(AccessSettings.none().withJwtSecret(secret));
        String token = DevelopmentTokens.sign(secret, List.of("a"), LATER);
        assertThat(verifier.permissions(token)).containsExactly("a");
        for (String appended : List.of("%", "=", "!", "#", "A", "==", ".", "%3D")) {
            assertInvalid(verifier, token + appended, "");
        }
        // An HS256 signature is 32 bytes in 43 characters: the last one carries 2 spare bits a decoder ignores.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        String sameBytes = token.substring(0, token.length() - 1) + alphabet.charAt(last ^ 1);
        assertInvalid(verifier, sameBytes, "");
    }

    @Test
    void theScopeClaimGrantsPermissionsToo() throws Exception {
        String secret = DevelopmentTokens.newSecret();
        String token = hs256(secret, claims().claim("scope", "web:read  analytics:read").claim("permissions", List.of("x")).build());
        assertThat(verifier(AccessSettings.none().withJwtSecret(secret)).permissions(token))
                .containsExactlyInAnyOrder("x", "web:read", "analytics:read");
    }

    @Test
    void rsaTokensVerifyAgainstAPemPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path file = Files.writeString(dir.resolve("issuer.pem"), pem);
        String token = sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()), JWSAlgorithm.RS256, "any-kid",
                claims().claim("permissions", List.of("web:read")).build());
        for (String setting : List.of(pem, file.toString())) {
            TokenVerifier verifier = verifier(settings(Map.of("MESHWORK_JWT_PUBLIC_KEY", setting)));
            assertThat(verifier.permissions(token)).containsExactly("web:read");
        }
        assertInvalid(verifier(settings(Map.of("MESHWORK_JWT_PUBLIC_KEY", pem))),
                DevelopmentTokens.sign(DevelopmentTokens.newSecret(), List.of("web:read"), LATER), "");
    }

    @Test
    void ecTokensVerifyAgainstTheJwksKeyTheirKidNames() throws Exception {
        ECKey signing = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
        Path jwks = Files.writeString(dir.resolve("jwks.json"),
                new JWKSet(List.of(signing.toPublicJWK(), other.toPublicJWK())).toString());
        TokenVerifier verifier = verifier(AccessSettings.none().withJwksFile(jwks));
        JWTClaimsSet claims = claims().claim("permissions", List.of("web:read")).build();
        assertThat(verifier.permissions(sign(new ECDSASigner(signing), JWSAlgorithm.ES256, "k1", claims)))
                .containsExactly("web:read");
        assertInvalid(verifier, sign(new ECDSASigner(signing), JWSAlgorithm.ES256, "k2", claims), "");
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() throws Exception {
        String secret = DevelopmentTokens.newSecret();
        TokenVerifier verifier = verifier(settings(Map.of("MESHWORK_JWT_SECRET", secret,
                "MESHWORK_JWT_ISSUER", "https://idp.example", "MESHWORK_JWT_AUDIENCE", "meshwork")));
        assertThat(verifier.permissions(hs256(secret, claims().issuer("https://idp.example").audience("meshwork")
                .claim("permissions", List.of("p")).build()))).containsExactly("p");
        assertInvalid(verifier, hs256(secret, claims().issuer("https://other").audience("meshwork").build()), "iss");
        assertInvalid(verifier, hs256(secret, claims().issuer("https://idp.example").audience("else").build()), "aud");
    }

    @Test
    void unusableSettingsStopTheProductAtStart() {
        assertThatThrownBy(() -> verifier(AccessSettings.none().withJwtSecret("too-short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> verifier(settings(Map.of("MESHWORK_JWT_PUBLIC_KEY", "-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUBLIC KEY");
        assertThatThrownBy(() -> verifier(AccessSettings.none().withJwksFile(dir.resolve("missing.json"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MESHWORK_JWKS_FILE");
        assertThatThrownBy(() -> AccessSettings.fromEnvironment(Map.of("MESHWORK_QUERY_AUTH", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MESHWORK_QUERY_AUTH");
        assertThat(AccessSettings.fromEnvironment(Map.of("MESHWORK_QUERY_AUTH", "off")).disabled()).isTrue();
        assertThat(AccessSettings.fromEnvironment(Map.of()).hasVerificationKey()).isFalse();
        assertThat(AccessSettings.fromEnvironment(Map.of("MESHWORK_JWKS_FILE", "/x")).jwksFile()).contains(Path.of("/x"));
        assertThat(AccessSettings.fromEnvironment(Map.of("MESHWORK_JWT_SECRET", " ")).jwtSecret()).isEqualTo(Optional.empty());
    }

    private static TokenVerifier verifier(AccessSettings settings) {
        return new TokenVerifier(settings);
    }

    private static AccessSettings settings(Map<String, String> env) {
        return AccessSettings.fromEnvironment(env);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().expirationTime(Date.from(LATER));
    }

    private static String hs256(String secret, JWTClaimsSet claims) throws JOSEException {
        return sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, null, claims);
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String keyId, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(keyId).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void assertInvalid(TokenVerifier verifier, String token, String reason) {
        assertThatThrownBy(() -> verifier.permissions(token))
                .isInstanceOf(TokenVerifier.InvalidTokenException.class)
                .hasMessageContaining(reason);
    }
}
