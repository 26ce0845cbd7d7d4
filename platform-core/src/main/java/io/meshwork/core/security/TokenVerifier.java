package io.meshwork.core.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies a bearer JWT (signature, {@code exp}, optional {@code iss}/{@code aud}) and reads the permissions it
 * grants: the {@code permissions} claim (an array of strings) plus the space-separated {@code scope} claim.
 */
final class TokenVerifier {

    /** Claims whose values are permissions. */
    static final String PERMISSIONS = "permissions";
    static final String SCOPE = "scope";

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    TokenVerifier(AccessSettings settings) {
        processor.setJWSKeySelector(VerificationKeys.load(settings));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        settings.issuer().ifPresent(exact::issuer);
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                settings.audience().map(Set::of).orElse(null), exact.build(), Set.of("exp"), null));
    }

    /**
     * The permissions {@code token} grants.
     *
     * @throws InvalidTokenException if it is malformed, not signed by a configured key, expired or has unreadable
     *                               permission claims
     */
    Set<String> permissions(String token) throws InvalidTokenException {
        requireCanonical(token);
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        }
        Set<String> granted = new LinkedHashSet<>();
        granted.addAll(strings(claims.getClaim(PERMISSIONS), PERMISSIONS));
        granted.addAll(strings(claims.getClaim(SCOPE), SCOPE));
        return granted;
    }

    /**
     * Refuses anything but the canonical compact form: three base64url parts, no padding, each the exact encoding of
     * its bytes. Base64 decoders skip characters outside the alphabet and spare low bits, so without this a token
     * with {@code %}, {@code =} or one more character appended would still verify.
     */
    static void requireCanonical(String token) throws InvalidTokenException {
        if (!COMPACT_JWS.matcher(token).matches()) {
            throw new InvalidTokenException("not a compact JWT: three base64url parts separated by dots, no padding");
        }
        for (String part : token.split("\\.")) {
            try {
                if (!BASE64URL.encodeToString(Base64.getUrlDecoder().decode(part)).equals(part)) {
                    throw new InvalidTokenException("a part of the token is not canonical base64url");
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidTokenException("a part of the token is not base64url: " + e.getMessage());
            }
        }
    }

    private static List<String> strings(Object claim, String name) throws InvalidTokenException {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof String text) {
            return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        }
        if (claim instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new InvalidTokenException("the '" + name + "' claim is neither a string nor an array of strings");
    }

    /** The token cannot be trusted; the message says why. */
    static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }
}
