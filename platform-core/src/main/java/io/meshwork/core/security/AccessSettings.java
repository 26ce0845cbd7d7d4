package io.meshwork.core.security;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the query port verifies bearer tokens (JWTs) against the contract's {@code access.requiredPermissions}.
 * Read from the environment by {@link #fromEnvironment(Map)}:
 *
 * <ul>
 *   <li>{@code MESHWORK_JWT_SECRET}: HS256/384/512 shared secret (its UTF-8 bytes, at least 32), e.g. the
 *       development secret {@code mesh up} mints with {@link DevelopmentTokens}</li>
 *   <li>{@code MESHWORK_JWT_PUBLIC_KEY}: an RSA or EC public key or certificate, PEM text or the path of a PEM
 *       file (RS*, PS*, ES* tokens)</li>
 *   <li>{@code MESHWORK_JWKS_FILE}: path of a JWKS file (JSON Web Key Set); keys are picked by {@code kid}</li>
 *   <li>{@code MESHWORK_JWT_ISSUER}, {@code MESHWORK_JWT_AUDIENCE}: when set, tokens must carry this
 *       {@code iss} / {@code aud}</li>
 *   <li>{@code MESHWORK_QUERY_AUTH}: {@code required} (default) or {@code off}, which serves every store without
 *       a token whatever the contract says (development only; logged as a warning)</li>
 * </ul>
 *
 * <p>Any combination of keys may be set; a token verifies if one of them matches. With permissions required and
 * no key set, the store routes refuse every request (see {@code docs/query-port.md}).
 *
 * @param jwtSecret    shared HMAC secret
 * @param jwtPublicKey PEM text or PEM file path of a public key or certificate
 * @param jwksFile     JWKS file
 * @param issuer       required {@code iss}, if any
 * @param audience     required {@code aud} member, if any
 * @param disabled     whether access control is switched off
 */
public record AccessSettings(Optional<String> jwtSecret, Optional<String> jwtPublicKey, Optional<Path> jwksFile,
                             Optional<String> issuer, Optional<String> audience, boolean disabled) {

    /** No verification key, access control on. */
    public static AccessSettings none() {
        return new AccessSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    /** Reads the settings from environment variables (see the class comment). */
    public static AccessSettings fromEnvironment(Map<String, String> env) {
        String mode = env.getOrDefault("MESHWORK_QUERY_AUTH", "required").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("required") && !mode.equals("off")) {
            throw new IllegalArgumentException("MESHWORK_QUERY_AUTH must be 'required' or 'off', not '" + mode + "'");
        }
        return new AccessSettings(value(env, "MESHWORK_JWT_SECRET"), value(env, "MESHWORK_JWT_PUBLIC_KEY"),
                value(env, "MESHWORK_JWKS_FILE").map(Path::of), value(env, "MESHWORK_JWT_ISSUER"),
                value(env, "MESHWORK_JWT_AUDIENCE"), mode.equals("off"));
    }

    /** These settings verifying HS256 tokens signed with {@code secret} (e.g. a development secret). */
    public AccessSettings withJwtSecret(String secret) {
        return new AccessSettings(Optional.of(secret), jwtPublicKey, jwksFile, issuer, audience, disabled);
    }

    /** These settings verifying tokens against the keys of a JWKS file. */
    public AccessSettings withJwksFile(Path file) {
        return new AccessSettings(jwtSecret, jwtPublicKey, Optional.of(file), issuer, audience, disabled);
    }

    /** Whether any verification key is configured. */
    public boolean hasVerificationKey() {
        return jwtSecret.isPresent() || jwtPublicKey.isPresent() || jwksFile.isPresent();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** The settings with the shared secret masked: safe to log. */
    @Override
    public String toString() {
        return "AccessSettings[jwtSecret=" + jwtSecret.map(secret -> "[hidden]") + ", jwtPublicKey=" + jwtPublicKey
                + ", jwksFile=" + jwksFile + ", issuer=" + issuer + ", audience=" + audience + ", disabled=" + disabled + "]";
    }
}
