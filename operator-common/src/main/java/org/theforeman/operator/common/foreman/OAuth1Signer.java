package org.theforeman.operator.common.foreman;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a request signing with HMAC-SHA1 (RFC 5849), as Foreman's API takes it: two-legged, the
 * consumer key and secret from Foreman's settings and no token. Query parameters and form-encoded body
 * parameters are signed; a JSON body is not (RFC 5849 3.4.1.3 signs only form bodies).
 */
public final class OAuth1Signer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String consumerKey;
    private final String consumerSecret;
    private final String token;
    private final String tokenSecret;

    public OAuth1Signer(String consumerKey, String consumerSecret) {
        this(consumerKey, consumerSecret, null, null);
    }

    /** With a token (three-legged OAuth), for the RFC's examples. */
    public OAuth1Signer(String consumerKey, String consumerSecret, String token, String tokenSecret) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.token = token;
        this.tokenSecret = tokenSecret;
    }

    /** The Authorization header for a request, with a fresh nonce and the current time. */
    public String authorization(String method, URI uri, Map<String, List<String>> formParameters) {
        return authorization(
                method,
                uri,
                formParameters,
                HexFormat.of().formatHex(RANDOM.generateSeed(16)),
                String.valueOf(System.currentTimeMillis() / 1000));
    }

    public String authorization(
            String method, URI uri, Map<String, List<String>> formParameters, String nonce, String timestamp) {
        Map<String, String> oauth = protocolParameters(nonce, timestamp);
        oauth.put("oauth_signature", signature(method, uri, formParameters, oauth));
        return "OAuth "
                + oauth.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=\"" + encode(e.getValue()) + "\"")
                        .collect(Collectors.joining(", "));
    }

    /** The oauth_* parameters of a request, without the signature. */
    Map<String, String> protocolParameters(String nonce, String timestamp) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", timestamp);
        if (token != null) {
            oauth.put("oauth_token", token);
        }
        oauth.put("oauth_version", "1.0");
        return oauth;
    }

    /** The base64 HMAC-SHA1 signature of the request (RFC 5849 3.4.2). */
    public String signature(
            String method, URI uri, Map<String, List<String>> formParameters, Map<String, String> oauthParameters) {
        String key = encode(consumerSecret) + "&" + (tokenSecret == null ? "" : encode(tokenSecret));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(
                    baseString(method, uri, formParameters, oauthParameters).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /** The signature base string (RFC 5849 3.4.1): method, base string URI and normalized parameters. */
    public static String baseString(
            String method, URI uri, Map<String, List<String>> formParameters, Map<String, String> oauthParameters) {
        List<String[]> parameters = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            parameters.addAll(decodeForm(uri.getRawQuery()));
        }
        formParameters.forEach((name, values) -> values.forEach(v -> parameters.add(new String[] {name, v})));
        oauthParameters.forEach((name, value) -> {
            if (!name.equals("oauth_signature") && !name.equals("realm")) {
                parameters.add(new String[] {name, value});
            }
        });
        String normalized = parameters.stream()
                .map(p -> new String[] {encode(p[0]), encode(p[1])})
                .sorted((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]))
                .map(p -> p[0] + "=" + p[1])
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(normalized);
    }

    /** Scheme and host in lower case, the port only when not the scheme's default, the path (RFC 5849 3.4.1.2). */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** application/x-www-form-urlencoded pairs, decoded ("+" is a space). */
    static List<String[]> decodeForm(String raw) {
        List<String[]> pairs = new ArrayList<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {
                URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)
            });
        }
        return pairs;
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (RFC 5849 3.6). */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
