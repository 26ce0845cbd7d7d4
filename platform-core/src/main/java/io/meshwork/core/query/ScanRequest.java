package io.meshwork.core.query;

import io.meshwork.core.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * A key-range or prefix scan: keys from {@code from} to {@code to} (inclusive, either open), or starting with
 * {@code prefix}; at most {@code limit} of them, after the key a continuation token names.
 *
 * @param from   lowest key, if bounded
 * @param to     highest key, if bounded
 * @param prefix key prefix (text keys only), if a prefix scan
 * @param after  the last key of the previous page, if continuing
 * @param limit  page size
 */
record ScanRequest(Optional<Object> from, Optional<Object> to, Optional<String> prefix, Optional<Object> after,
                   int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final Set<String> PARAMETERS = Set.of("from", "to", "prefix", "limit", "next");

    /**
     * Reads a scan of a store with key format {@code keys}.
     *
     * @throws ProblemException 400 on a malformed key, limit or token, or prefix mixed with from/to
     */
    static ScanRequest parse(QueryParameters params, KeyFormat keys) {
        Optional<String> prefix = params.get("prefix");
        if (prefix.isPresent() && (params.get("from").isPresent() || params.get("to").isPresent())) {
            throw ProblemException.badRequest("give either prefix or from/to, not both");
        }
        if (prefix.isPresent() && !keys.textual()) {
            throw ProblemException.badRequest("prefix scans need String keys; this store's keys are " + keys.typeName()
                    + " (use from/to)");
        }
        return new ScanRequest(params.get("from").map(t -> keys.parse(t, "from key")),
                params.get("to").map(t -> keys.parse(t, "to key")), prefix,
                params.get("next").map(t -> keys.parse(decode(t), "continuation key")), limit(params.get("limit")));
    }

    /** The token that continues after {@code lastKey}. */
    static String token(KeyFormat keys, Object lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys.text(lastKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("next '" + token + "' is not a continuation token from this store");
        }
    }

    private static int limit(Optional<String> text) {
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit '" + text.get() + "' is not a number in 1.." + MAX_LIMIT);
    }
}
