package io.meshwork.core.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys tokens may be signed with, loaded once from {@link AccessSettings}, and the selection of candidates for
 * one token: by the algorithm family of its header and, when both sides name one, by key id. Keys from a secret
 * or a PEM file have no id and are candidates for every token of their family.
 */
final class VerificationKeys implements JWSKeySelector<SecurityContext> {

    /** HS256 needs at least 256 bits of secret. */
    static final int MIN_SECRET_BYTES = 32;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private record Candidate(String keyId, Key key) {
    }

    private final List<Candidate> candidates;

    private VerificationKeys(List<Candidate> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /**
     * Loads every configured key.
     *
     * @throws IllegalArgumentException if a key cannot be read or a secret is too short
     */
    static VerificationKeys load(AccessSettings settings) {
        List<Candidate> keys = new ArrayList<>();
        settings.jwtSecret().ifPresent(secret -> keys.add(new Candidate(null, secret(secret))));
        settings.jwtPublicKey().ifPresent(pem -> pemKeys(pem).forEach(k -> keys.add(new Candidate(null, k))));
        settings.jwksFile().ifPresent(file -> keys.addAll(jwks(file)));
        return new VerificationKeys(keys);
    }

    /** The HMAC key of a shared secret: its UTF-8 bytes. */
    static SecretKey secret(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("MESHWORK_JWT_SECRET is " + bytes.length + " bytes; HS256 needs at least "
                    + MIN_SECRET_BYTES + " (256 bits)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) {
        JWSAlgorithm alg = header.getAlgorithm();
        Class<? extends Key> type = JWSAlgorithm.Family.HMAC_SHA.contains(alg) ? SecretKey.class
                : JWSAlgorithm.Family.RSA.contains(alg) ? RSAPublicKey.class
                : JWSAlgorithm.Family.EC.contains(alg) ? ECPublicKey.class
                : null;
        if (type == null) {
            return List.of();
        }
        String keyId = header.getKeyID();
        return candidates.stream()
                .filter(c -> type.isInstance(c.key()))
                .filter(c -> keyId == null || c.keyId() == null || keyId.equals(c.keyId()))
                .map(Candidate::key)
                .toList();
    }

    private static List<PublicKey> pemKeys(String pemOrPath) {
        String pem = pemOrPath.contains("-----BEGIN") ? pemOrPath : read(Path.of(pemOrPath.trim()), "MESHWORK_JWT_PUBLIC_KEY");
        List<PublicKey> keys = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            keys.add(switch (m.group(1)) {
                case "PUBLIC KEY" -> publicKey(der);
                case "CERTIFICATE" -> certificateKey(der);
                default -> throw new IllegalArgumentException("MESHWORK_JWT_PUBLIC_KEY holds a '" + m.group(1)
                        + "' PEM block; give a PUBLIC KEY (X.509 SubjectPublicKeyInfo) or a CERTIFICATE");
            });
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("MESHWORK_JWT_PUBLIC_KEY holds no PEM block "
                    + "(-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----)");
        }
        return keys;
    }

    private static PublicKey publicKey(byte[] der) {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("MESHWORK_JWT_PUBLIC_KEY is neither an RSA nor an EC public key");
    }

    private static PublicKey certificateKey(byte[] der) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("MESHWORK_JWT_PUBLIC_KEY holds an unreadable certificate: " + e.getMessage(), e);
        }
    }

    private static List<Candidate> jwks(Path file) {
        List<Candidate> keys = new ArrayList<>();
        try {
            for (JWK jwk : JWKSet.parse(read(file, "MESHWORK_JWKS_FILE")).getKeys()) {
                if (KeyUse.ENCRYPTION.equals(jwk.getKeyUse())) {
                    continue;
                }
                Key key = jwk instanceof RSAKey rsa ? rsa.toRSAPublicKey()
                        : jwk instanceof ECKey ec ? ec.toECPublicKey()
                        : jwk instanceof OctetSequenceKey oct ? oct.toSecretKey("HmacSHA256")
                        : null;
                if (key != null) {
                    keys.add(new Candidate(jwk.getKeyID(), key));
                }
            }
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalArgumentException("MESHWORK_JWKS_FILE " + file + " is not a JWK set: " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("MESHWORK_JWKS_FILE " + file + " holds no RSA, EC or HMAC signing key");
        }
        return keys;
    }

    private static String read(Path file, String setting) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
