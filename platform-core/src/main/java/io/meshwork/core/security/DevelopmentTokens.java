package io.meshwork.core.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Development bearer tokens for the query port: a random HS256 secret and tokens signed with it. {@code mesh up}
 * mints one token carrying every permission its products' contracts require, prints it and hands the secret to the
 * products; production deployments verify tokens from a real identity provider instead (PEM key or JWKS file).
 *
 * <pre>{@code
 * DevelopmentToken dev = DevelopmentTokens.issue(List.of("commerce:read"), Duration.ofHours(12));
 * ProductConfig config = ProductConfig.of(bootstrap).withJwtSecret(dev.secret());
 * // curl -H "Authorization: Bearer " + dev.token() ...
 * }</pre>
 */
public final class DevelopmentTokens {

    /** Issuer of development tokens. */
    public static final String ISSUER = "meshwork-development";
    /** Subject of development tokens. */
    public static final String SUBJECT = "mesh-up-developer";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevelopmentTokens() {
    }

    /** A new random 256-bit secret, base64url-encoded (its UTF-8 text is the HMAC key). */
    public static String newSecret() {
        byte[] bytes = new byte[VerificationKeys.MIN_SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new secret and a token signed with it granting {@code permissions} for {@code ttl}. */
    public static DevelopmentToken issue(Collection<String> permissions, Duration ttl) {
        String secret = newSecret();
        Instant expiresAt = Instant.now().plus(ttl);
        return new DevelopmentToken(secret, sign(secret, permissions, expiresAt), List.copyOf(permissions), expiresAt);
    }

    /**
     * An HS256 token signed with {@code secret}, granting {@code permissions} (the {@code permissions} claim) until
     * {@code expiresAt}.
     *
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes
     */
    public static String sign(String secret, Collection<String> permissions, Instant expiresAt) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(SUBJECT)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .claim(TokenVerifier.PERMISSIONS, List.copyOf(permissions))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(VerificationKeys.secret(secret)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign a development token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
