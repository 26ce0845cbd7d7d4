package io.meshwork.core.security;

import java.time.Instant;
import java.util.List;

/**
 * A development bearer token and the secret it is signed with, as minted by {@link DevelopmentTokens#issue}.
 * Give products the secret ({@code MESHWORK_JWT_SECRET}, or {@code ProductConfig.withJwtSecret}) and consumers the
 * token.
 *
 * @param secret      the HS256 secret, to configure on the products
 * @param token       the signed JWT, for {@code Authorization: Bearer <token>}
 * @param permissions the permissions it grants
 * @param expiresAt   when it expires
 */
public record DevelopmentToken(String secret, String token, List<String> permissions, Instant expiresAt) {

    public DevelopmentToken {
        permissions = List.copyOf(permissions);
    }

    /** The {@code Authorization} header value. */
    public String authorization() {
        return "Bearer " + token;
    }

    @Override
    public String toString() {
        return "DevelopmentToken[permissions=" + permissions + ", expiresAt=" + expiresAt + "]";
    }
}
