package org.theforeman.operator.common.foreman;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.Optional;
import org.theforeman.operator.common.resources.GeneratedSecrets;

/**
 * How the operator authenticates to Foreman's API: OAuth 1.0a with the consumer key and secret of Foreman's
 * settings, or a user and password (HTTP basic); plus, optionally, the CA certificate to verify Foreman's
 * certificate with. Read from a Secret with the keys {@value #OAUTH_KEY} and {@value #OAUTH_SECRET}, or
 * {@value #USERNAME} and {@value #PASSWORD}, and optionally {@value #CA_CRT}. {@link #toString()} never
 * shows a secret.
 */
public final class ForemanCredentials {
    public static final String OAUTH_KEY = "oauth_consumer_key";
    public static final String OAUTH_SECRET = "oauth_consumer_secret";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String CA_CRT = "ca.crt";

    private final String principal;
    private final String secret;
    private final boolean oauth;
    private final String caPem;

    private ForemanCredentials(String principal, String secret, boolean oauth, String caPem) {
        this.principal = principal;
        this.secret = secret;
        this.oauth = oauth;
        this.caPem = caPem;
    }

    public static ForemanCredentials oauth(String consumerKey, String consumerSecret, String caPem) {
        return new ForemanCredentials(consumerKey, consumerSecret, true, caPem);
    }

    public static ForemanCredentials basic(String username, String password, String caPem) {
        return new ForemanCredentials(username, password, false, caPem);
    }

    /** A Secret's content that lacks what is needed: the message names the Secret and the missing key. */
    public static final class MissingKeyException extends Exception {
        private final String key;

        public MissingKeyException(String secretName, String key, String detail) {
            super("Secret " + secretName + " " + detail);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The credentials in {@code secret}: OAuth when it has oauth_consumer_key, else username and password. */
    public static ForemanCredentials fromSecret(Secret secret) throws MissingKeyException {
        String name = secret.getMetadata().getName();
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        String ca = value(data, CA_CRT).orElse(null);
        if (data.containsKey(OAUTH_KEY) || !data.containsKey(USERNAME)) {
            String key = value(data, OAUTH_KEY)
                    .orElseThrow(() -> new MissingKeyException(
                            name,
                            OAUTH_KEY,
                            "has no key " + OAUTH_KEY + " (nor " + USERNAME + " and " + PASSWORD + ")"));
            String consumerSecret = value(data, OAUTH_SECRET)
                    .orElseThrow(() -> new MissingKeyException(name, OAUTH_SECRET, "has no key " + OAUTH_SECRET));
            return oauth(key, consumerSecret, ca);
        }
        String username = value(data, USERNAME).orElseThrow();
        String password = value(data, PASSWORD)
                .orElseThrow(() -> new MissingKeyException(name, PASSWORD, "has no key " + PASSWORD));
        return basic(username, password, ca);
    }

    private static Optional<String> value(Map<String, String> data, String key) {
        String encoded = data.get(key);
        if (encoded == null) {
            return Optional.empty();
        }
        String plain = GeneratedSecrets.decode(encoded).strip();
        return plain.isEmpty() ? Optional.empty() : Optional.of(plain);
    }

    public boolean isOAuth() {
        return oauth;
    }

    /** The consumer key or the user name: not secret, fit for messages. */
    public String principal() {
        return principal;
    }

    String secret() {
        return secret;
    }

    public Optional<String> caPem() {
        return Optional.ofNullable(caPem);
    }

    @Override
    public String toString() {
        return (oauth ? "OAuth consumer " : "user ") + principal;
    }
}
