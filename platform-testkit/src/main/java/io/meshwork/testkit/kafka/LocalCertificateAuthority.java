package io.meshwork.testkit.kafka;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A certificate authority made up when a secured cluster starts, in-process (BouncyCastle, no {@code keytool}
 * process): it signs one broker certificate valid for {@code 127.0.0.1} and {@code localhost}. The broker's key and
 * chain go to a PKCS12 keystore, the CA certificate alone to a PKCS12 truststore that clients load. Keys live only
 * in the directory given, which the cluster deletes on close.
 */
final class LocalCertificateAuthority {

    static final String STORE_TYPE = "PKCS12";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalCertificateAuthority() {
    }

    /**
     * The broker's keystore and the clients' truststore, with their passwords.
     *
     * @param keystore           PKCS12: the broker's private key and its certificate chain (broker, CA)
     * @param keystorePassword   password of the keystore and of the key in it
     * @param truststore         PKCS12: the CA certificate
     * @param truststorePassword password of the truststore
     */
    record Stores(Path keystore, String keystorePassword, Path truststore, String truststorePassword) {
    }

    /** Issues a new CA and a broker certificate signed by it, written to {@code directory}. */
    static Stores issue(Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair caKeys = generator.generateKeyPair();
            KeyPair brokerKeys = generator.generateKeyPair();
            Instant now = Instant.now();
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(caKeys.getPrivate());

            X500Name caName = new X500Name("CN=Meshwork local CA " + now.getEpochSecond());
            X509v3CertificateBuilder ca = builder(caName, caName, now, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate caCertificate = new JcaX509CertificateConverter().getCertificate(ca.build(signer));

            X509v3CertificateBuilder broker = builder(caName, new X500Name("CN=localhost"), now, brokerKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, EmbeddedBrokerConfig.LOOPBACK_HOST),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate brokerCertificate = new JcaX509CertificateConverter().getCertificate(broker.build(signer));

            Stores stores = new Stores(directory.resolve("broker.keystore.p12"), Secrets.password(),
                directory.resolve("truststore.p12"), Secrets.password());
            KeyStore keystore = emptyStore();
            keystore.setKeyEntry("broker", brokerKeys.getPrivate(), stores.keystorePassword().toCharArray(),
                new Certificate[]{brokerCertificate, caCertificate});
            write(keystore, stores.keystore(), stores.keystorePassword());
            KeyStore truststore = emptyStore();
            truststore.setCertificateEntry("meshwork-local-ca", caCertificate);
            write(truststore, stores.truststore(), stores.truststorePassword());
            return stores;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue the secured cluster's TLS certificates in " + directory + ": " + e, e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Instant now, PublicKey key) {
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, key);
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance(STORE_TYPE);
        store.load(null, null);
        return store;
    }

    private static void write(KeyStore store, Path file, String password) throws GeneralSecurityException, java.io.IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }
}
