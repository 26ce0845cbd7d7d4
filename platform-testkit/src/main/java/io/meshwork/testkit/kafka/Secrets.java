package io.meshwork.testkit.kafka;

import java.security.SecureRandom;

/** Passwords made up when a secured cluster starts: letters and digits only, so they need no quoting in JAAS. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32;

    private Secrets() {
    }

    /** A new random password of 32 letters and digits (about 190 bits). */
    static String password() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
