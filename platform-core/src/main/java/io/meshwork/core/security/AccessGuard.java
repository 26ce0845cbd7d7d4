package io.meshwork.core.security;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.meshwork.core.contract.Access;
import io.meshwork.core.http.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before-handler enforcing a contract's {@code access.requiredPermissions} on the routes it is registered for:
 * the request needs {@code Authorization: Bearer <jwt>} signed by a configured key whose permissions contain every
 * required one. Without a token, or with a bad one: 401 with {@code WWW-Authenticate}; with too few permissions:
 * 403. A contract that requires nothing, or {@code MESHWORK_QUERY_AUTH=off}, leaves the routes open.
 *
 * <p>Permissions required but no key configured: every request is refused (401). The product still runs and
 * publishes; only its data on the port stays closed until a key is set, so a deployment that forgot its key
 * never serves restricted data to anyone.
 */
public final class AccessGuard implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);
    private static final String BEARER = "Bearer ";

    private final List<String> required;
    private final String realm;
    private final Optional<TokenVerifier> verifier;
    private final boolean enforced;

    private AccessGuard(List<String> required, String realm, Optional<TokenVerifier> verifier, boolean enforced) {
        this.required = List.copyOf(required);
        this.realm = realm;
        this.verifier = verifier;
        this.enforced = enforced;
    }

    /**
     * The guard for a product.
     *
     * @param access   the contract's access block
     * @param settings configured verification keys
     * @param realm    the realm named in {@code WWW-Authenticate}, the product name
     * @throws IllegalArgumentException if a configured key cannot be read
     */
    public static AccessGuard of(Access access, AccessSettings settings, String realm) {
        List<String> required = access.requiredPermissions();
        Optional<TokenVerifier> verifier = settings.hasVerificationKey()
                ? Optional.of(new TokenVerifier(settings)) : Optional.empty();
        boolean enforced = !required.isEmpty() && !settings.disabled();
        if (!required.isEmpty() && settings.disabled()) {
            LOG.warn("{}: MESHWORK_QUERY_AUTH=off: stores are served without checking the contract's permissions {}",
                    realm, required);
        } else if (enforced && verifier.isEmpty()) {
            LOG.warn("{}: the contract requires {} but no token key is configured (MESHWORK_JWT_SECRET, "
                    + "MESHWORK_JWT_PUBLIC_KEY or MESHWORK_JWKS_FILE): every store query is refused", realm, required);
        }
        return new AccessGuard(required, realm, verifier, enforced);
    }

    /** Whether requests need a token. */
    public boolean enforced() {
        return enforced;
    }

    @Override
    public void handle(Context ctx) {
        if (!enforced) {
            return;
        }
        if (verifier.isEmpty()) {
            throw unauthorized("invalid_token", "this product requires " + required + " but has no key to verify "
                    + "tokens with: its operator must set MESHWORK_JWT_SECRET, MESHWORK_JWT_PUBLIC_KEY or MESHWORK_JWKS_FILE");
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized(null, "send 'Authorization: Bearer <token>' with a token granting " + required);
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("invalid_request", "the Authorization header must use the Bearer scheme");
        }
        Set<String> granted;
        try {
            granted = verifier.get().permissions(authorization.substring(BEARER.length()).trim());
        } catch (TokenVerifier.InvalidTokenException e) {
            throw unauthorized("invalid_token", "the bearer token is not valid: " + e.getMessage());
        }
        List<String> missing = new ArrayList<>(required);
        missing.removeAll(granted);
        if (!missing.isEmpty()) {
            throw ProblemException.of(403, "Forbidden", "the token lacks the permissions " + missing
                            + " that the contract requires (all of " + required + ")")
                    .withHeader("WWW-Authenticate", challenge("insufficient_scope")
                            + ", scope=\"" + String.join(" ", required) + "\"");
        }
    }

    private ProblemException unauthorized(String error, String detail) {
        return ProblemException.of(401, "Unauthorized", detail).withHeader("WWW-Authenticate", challenge(error));
    }

    private String challenge(String error) {
        String challenge = "Bearer realm=\"" + realm + "\"";
        return error == null ? challenge : challenge + ", error=\"" + error + "\"";
    }
}
