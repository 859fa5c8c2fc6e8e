package org.theforeman.operator.common.foreman;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.theforeman.operator.common.runtime.ClusterEndpoints;
import org.theforeman.operator.common.tls.Pem;

/**
 * The part of Foreman's API v2 the suite uses: the smart_proxies resource (search by name, create, update
 * the URL, refresh features, delete). Each call is one request with a bounded timeout; failures are
 * {@link ForemanApiException}s that carry Foreman's own error text. Authenticated with OAuth 1.0a or HTTP
 * basic ({@link ForemanCredentials}); Foreman's certificate is verified against ca.crt when given, else
 * against the JDK's trusted CAs.
 */
public final class ForemanClient {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final ForemanCredentials credentials;
    private final Duration timeout;
    private final HttpClient http;

    public ForemanClient(URI foremanUrl, ForemanCredentials credentials, Duration timeout) {
        String url = foremanUrl.toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.credentials = credentials;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        credentials.caPem().ifPresent(ca -> builder.sslContext(trusting(ca)));
        this.http = builder.build();
    }

    public URI url() {
        return base;
    }

    /** The proxy record named exactly {@code name}, if any. */
    public Optional<SmartProxyRecord> findSmartProxy(String name) throws ForemanApiException {
        String search = "name = \"" + name.replace("\"", "\\\"") + "\"";
        JsonNode page =
                send("GET", "/api/v2/smart_proxies?search=" + OAuth1Signer.encode(search) + "&per_page=1000", null);
        for (JsonNode result : page.path("results")) {
            if (name.equals(result.path("name").asText())) {
                return Optional.of(record(result));
            }
        }
        return Optional.empty();
    }

    public SmartProxyRecord createSmartProxy(String name, String url) throws ForemanApiException {
        return record(send("POST", "/api/v2/smart_proxies", proxyBody(name, url)));
    }

    public SmartProxyRecord updateSmartProxy(long id, String name, String url) throws ForemanApiException {
        return record(send("PUT", "/api/v2/smart_proxies/" + id, proxyBody(name, url)));
    }

    /** Makes Foreman ask the proxy for its features again (after they changed). */
    public SmartProxyRecord refreshSmartProxy(long id) throws ForemanApiException {
        return record(send("PUT", "/api/v2/smart_proxies/" + id + "/refresh", null));
    }

    /** Deletes the record; a record that is already gone is fine. */
    public void deleteSmartProxy(long id) throws ForemanApiException {
        try {
            send("DELETE", "/api/v2/smart_proxies/" + id, null);
        } catch (ForemanApiException e) {
            if (e.kind() != ForemanApiException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    private static ObjectNode proxyBody(String name, String url) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("smart_proxy").put("name", name).put("url", url);
        return body;
    }

    static SmartProxyRecord record(JsonNode node) {
        List<String> features = new ArrayList<>();
        for (JsonNode feature : node.path("features")) {
            features.add(feature.path("name").asText());
        }
        return new SmartProxyRecord(
                node.path("id").asLong(),
                node.path("name").asText(),
                node.path("url").asText(),
                features);
    }

    private JsonNode send(String method, String pathAndQuery, JsonNode body) throws ForemanApiException {
        URI uri = URI.create(base + pathAndQuery);
        URI target;
        try {
            // Outside the cluster (CLUSTER_ENDPOINTS=port-forward) the connection may go elsewhere; the
            // request still addresses Foreman's URL: signed for it, with its Host header.
            target = ClusterEndpoints.current().reach(base);
        } catch (IOException e) {
            throw unreachable(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json;version=2")
                .header("Authorization", authorization(method, uri));
        if (!target.equals(base)) {
            request.header("Host", base.getRawAuthority());
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLException e) {
            throw new ForemanApiException(
                    ForemanApiException.Kind.CERTIFICATE_NOT_TRUSTED,
                    0,
                    e.getMessage(),
                    "the certificate of Foreman at " + base + " is not trusted: " + e.getMessage(),
                    e);
        } catch (ConnectException | HttpTimeoutException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
        return answer(method, uri, response);
    }

    private ForemanApiException unreachable(Exception e) {
        String reason = e.getMessage() != null
                ? e.getMessage()
                : e instanceof ConnectException
                        ? "connection refused"
                        : e.getClass().getSimpleName();
        return new ForemanApiException(
                ForemanApiException.Kind.UNREACHABLE,
                0,
                reason,
                "Foreman at " + base + " cannot be reached: " + reason,
                e);
    }

    private JsonNode answer(String method, URI uri, HttpResponse<String> response) throws ForemanApiException {
        int status = response.statusCode();
        JsonNode json;
        try {
            json = response.body() == null || response.body().isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        if (status >= 200 && status < 300) {
            return json;
        }
        String said = errorText(json, status);
        ForemanApiException.Kind kind = switch (status) {
            case 401 -> ForemanApiException.Kind.UNAUTHORIZED;
            case 403 -> ForemanApiException.Kind.FORBIDDEN;
            case 404 -> ForemanApiException.Kind.NOT_FOUND;
            case 422 -> ForemanApiException.Kind.UNPROCESSABLE;
            default -> ForemanApiException.Kind.FAILED;
        };
        throw new ForemanApiException(
                kind, status, said, method + " " + uri.getPath() + " answered " + status + ": " + said, null);
    }

    /**
     * Foreman's error text: {"error": {"full_messages": [...]}} for a refused record (422), {"error":
     * {"message": ...}} for the others.
     */
    static String errorText(JsonNode json, int status) {
        JsonNode error = json.has("error") ? json.get("error") : json;
        List<String> messages = new ArrayList<>();
        error.path("full_messages").forEach(m -> messages.add(m.asText()));
        if (messages.isEmpty() && error.hasNonNull("message")) {
            messages.add(error.get("message").asText());
        }
        return messages.isEmpty() ? "HTTP " + status : String.join(" ", messages);
    }

    private String authorization(String method, URI uri) {
        if (credentials.isOAuth()) {
            return new OAuth1Signer(credentials.principal(), credentials.secret()).authorization(method, uri, Map.of());
        }
        String pair = credentials.principal() + ":" + credentials.secret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** An SSL context trusting only the CA certificate(s) in {@code caPem}. */
    static SSLContext trusting(String caPem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("foreman-ca", Pem.parseCertificate(caPem));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("ca.crt is not a usable CA certificate: " + e.getMessage(), e);
        }
    }
}
