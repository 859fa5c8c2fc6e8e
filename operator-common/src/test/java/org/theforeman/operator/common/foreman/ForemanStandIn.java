package org.theforeman.operator.common.foreman;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.theforeman.operator.common.tls.CertificateRequest;
import org.theforeman.operator.common.tls.IssuedCertificate;
import org.theforeman.operator.common.tls.Pem;
import org.theforeman.operator.common.tls.SuiteCa;

/**
 * A stand-in for Foreman's API in tests (no Foreman runs on the test machines): a local HTTP or HTTPS
 * server on loopback that implements the documented smart_proxies endpoints of API v2 and answers as
 * Foreman does: ids, the index layout ({"total", "results"}), 404 with "Resource smart_proxy not found by
 * id", 422 with Foreman's error body ({"error": {"errors", "full_messages"}}), 401 "Unable to authenticate
 * user". It checks every request's OAuth 1.0a signature (or basic credentials) and records every request.
 *
 * <p>A real Foreman calls the proxy's /v2/features on create and refresh, and answers 422 when it cannot
 * reach it; the stand-in does not call back (nothing answers on the proxy's address in these tests): the
 * features it records come from {@link #proxyFeatures}, and {@link #proxyUnreachable} makes it answer that
 * 422. {@link #stop()} and {@link #start()} take it off and back on the same port, as a Foreman that is down.
 *
 * <p>Shared through operator-common's test jar with the operators' and the e2e module's tests.
 */
public final class ForemanStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MEMBER = Pattern.compile("^/api/v2/smart_proxies/(\\d+)(/refresh)?$");

    /** One request as received. */
    public record Request(String method, String path, String query, String body, boolean authenticated, Instant at) {
        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private volatile String consumerKey;
    private volatile String consumerSecret;
    private final String username;
    private final String password;
    private final SuiteCa ca;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<Long, ObjectNode> proxies = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean proxyUnreachable;
    private volatile Function<String, List<String>> proxyFeatures = url -> List.of("Logs");
    private int port;
    private HttpServer server;

    private ForemanStandIn(String consumerKey, String consumerSecret, String username, String password, SuiteCa ca) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.username = username;
        this.password = password;
        this.ca = ca;
    }

    /** Plain HTTP on loopback, accepting OAuth with this consumer key and secret. */
    public static ForemanStandIn http(String consumerKey, String consumerSecret) {
        ForemanStandIn standIn = new ForemanStandIn(consumerKey, consumerSecret, null, null, null);
        standIn.start();
        return standIn;
    }

    /** Plain HTTP on a given loopback port, accepting OAuth once {@link #acceptOAuth} names the consumer. */
    public static ForemanStandIn onPort(int port) {
        ForemanStandIn standIn = new ForemanStandIn(null, null, null, null, null);
        standIn.port = port;
        standIn.start();
        return standIn;
    }

    /** HTTPS with a certificate for localhost and 127.0.0.1 issued by {@code ca}. */
    public static ForemanStandIn https(String consumerKey, String consumerSecret, SuiteCa ca) {
        ForemanStandIn standIn = new ForemanStandIn(consumerKey, consumerSecret, null, null, ca);
        standIn.start();
        return standIn;
    }

    /** Plain HTTP, accepting a user and password (basic auth) instead of OAuth. */
    public static ForemanStandIn httpWithUser(String username, String password) {
        ForemanStandIn standIn = new ForemanStandIn(null, null, username, password, null);
        standIn.start();
        return standIn;
    }

    /**
     * Accepts OAuth with this consumer from now on, as a Foreman started with it: for a test whose
     * Foreman operator generates the consumer after the stand-in is listening.
     */
    public void acceptOAuth(String key, String secret) {
        this.consumerKey = key;
        this.consumerSecret = secret;
    }

    public URI url() {
        // The HTTPS certificate names localhost; both are loopback.
        return URI.create(ca == null ? "http://127.0.0.1:" + port : "https://localhost:" + port);
    }

    /** Starts (again, on the same port after {@link #stop()}). */
    public synchronized void start() {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            if (ca == null) {
                server = HttpServer.create(address, 16);
            } else {
                HttpsServer https = HttpsServer.create(address, 16);
                https.setHttpsConfigurator(new HttpsConfigurator(serverContext(ca)));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops answering: connections are refused, as with a Foreman that is down. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Makes create, update and refresh answer 422 "Unable to communicate with the proxy". */
    public void proxyUnreachable(boolean unreachable) {
        this.proxyUnreachable = unreachable;
    }

    /** The features the "proxy" at a URL reports when Foreman asks it (create and refresh). */
    public void proxyFeatures(Function<String, List<String>> features) {
        this.proxyFeatures = features;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests other than GET (those that change something in Foreman). */
    public List<Request> writes() {
        return requests.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    public synchronized List<JsonNode> smartProxies() {
        return List.copyOf(proxies.values());
    }

    /** Adds a record directly, as if someone had created it in Foreman's UI. */
    public synchronized long addSmartProxy(String name, String url) {
        long id = ids.incrementAndGet();
        proxies.put(id, proxyJson(id, name, url, List.of()));
        return id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean authenticated = authenticated(exchange, method, uri);
        requests.add(new Request(method, uri.getPath(), uri.getRawQuery(), body, authenticated, Instant.now()));
        try {
            if (!authenticated) {
                reply(exchange, 401, error(JSON.createObjectNode().put("message", "Unable to authenticate user ")));
                return;
            }
            route(exchange, method, uri.getPath(), uri.getRawQuery(), body);
        } catch (RuntimeException e) {
            reply(exchange, 500, error(JSON.createObjectNode().put("message", String.valueOf(e.getMessage()))));
        }
    }

    private synchronized void route(HttpExchange exchange, String method, String path, String query, String body)
            throws IOException {
        if (path.equals("/api/v2/smart_proxies") && method.equals("GET")) {
            reply(exchange, 200, index(query));
            return;
        }
        if (path.equals("/api/v2/smart_proxies") && method.equals("POST")) {
            JsonNode wanted = JSON.readTree(body).path("smart_proxy");
            String name = wanted.path("name").asText(null);
            String url = wanted.path("url").asText(null);
            ObjectNode refused = refusal(null, name, url);
            if (refused != null) {
                reply(exchange, 422, error(refused));
                return;
            }
            long id = ids.incrementAndGet();
            ObjectNode proxy = proxyJson(id, name, url, proxyFeatures.apply(url));
            proxies.put(id, proxy);
            reply(exchange, 201, proxy);
            return;
        }
        Matcher member = MEMBER.matcher(path);
        if (!member.matches()) {
            reply(exchange, 404, error(JSON.createObjectNode().put("message", "Route not found: " + path)));
            return;
        }
        long id = Long.parseLong(member.group(1));
        ObjectNode proxy = proxies.get(id);
        if (proxy == null) {
            reply(
                    exchange,
                    404,
                    error(JSON.createObjectNode().put("message", "Resource smart_proxy not found by id '" + id + "'")));
            return;
        }
        boolean refresh = member.group(2) != null;
        switch (method) {
            case "GET" -> reply(exchange, 200, proxy);
            case "DELETE" -> {
                proxies.remove(id);
                reply(exchange, 200, proxy);
            }
            case "PUT" -> {
                if (refresh) {
                    if (proxyUnreachable) {
                        reply(exchange, 422, error(unreachable(proxy.path("id").asLong())));
                        return;
                    }
                    proxy.set(
                            "features",
                            features(proxyFeatures.apply(proxy.path("url").asText())));
                    reply(exchange, 200, proxy);
                    return;
                }
                JsonNode wanted = JSON.readTree(body).path("smart_proxy");
                String name = wanted.path("name").asText(proxy.path("name").asText());
                String url = wanted.path("url").asText(proxy.path("url").asText());
                ObjectNode refused = refusal(id, name, url);
                if (refused != null) {
                    reply(exchange, 422, error(refused));
                    return;
                }
                proxy.put("name", name).put("url", url);
                reply(exchange, 200, proxy);
            }
            default -> reply(exchange, 405, error(JSON.createObjectNode().put("message", "Method not allowed")));
        }
    }

    /** Foreman's validation of a record, or null when it is valid. */
    private ObjectNode refusal(Long id, String name, String url) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.computeIfAbsent("name", k -> new ArrayList<>()).add("can't be blank");
        }
        if (url == null || url.isBlank()) {
            errors.computeIfAbsent("url", k -> new ArrayList<>()).add("can't be blank");
        }
        for (ObjectNode other : proxies.values()) {
            if (id != null && other.path("id").asLong() == id) {
                continue;
            }
            if (other.path("name").asText().equals(name)) {
                errors.computeIfAbsent("name", k -> new ArrayList<>()).add("has already been taken");
            }
            if (other.path("url").asText().equals(url)) {
                errors.computeIfAbsent("url", k -> new ArrayList<>()).add("has already been taken");
            }
        }
        if (errors.isEmpty() && proxyUnreachable) {
            return unreachable(id);
        }
        if (errors.isEmpty()) {
            return null;
        }
        ObjectNode body = JSON.createObjectNode();
        body.putNull("id");
        ObjectNode byField = body.putObject("errors");
        ArrayNode full = body.putArray("full_messages");
        errors.forEach((field, messages) -> {
            ArrayNode list = byField.putArray(field);
            messages.forEach(m -> {
                list.add(m);
                full.add(Character.toUpperCase(field.charAt(0)) + field.substring(1) + " " + m);
            });
        });
        return body;
    }

    private static ObjectNode unreachable(Long id) {
        String first = "Unable to communicate with the proxy: ERF12-2530 [ProxyAPI::ProxyException]: Unable to"
                + " detect features ([Errno::ECONNREFUSED]: Failed to open TCP connection)";
        String second = "Please check the proxy is configured and running on the host.";
        ObjectNode body = JSON.createObjectNode();
        if (id == null) {
            body.putNull("id");
        } else {
            body.put("id", id);
        }
        body.putObject("errors").putArray("base").add(first).add(second);
        body.putArray("full_messages").add(first).add(second);
        return body;
    }

    private ObjectNode index(String rawQuery) {
        String search = null;
        if (rawQuery != null) {
            for (String[] pair : OAuth1Signer.decodeForm(rawQuery)) {
                if (pair[0].equals("search")) {
                    search = pair[1];
                }
            }
        }
        String wantedName = null;
        if (search != null) {
            Matcher m = Pattern.compile("^name\\s*=\\s*\"?([^\"]*)\"?$").matcher(search.strip());
            wantedName = m.matches() ? m.group(1) : "\u0000no match";
        }
        ArrayNode results = JSON.createArrayNode();
        for (ObjectNode proxy : proxies.values()) {
            if (wantedName == null || proxy.path("name").asText().equals(wantedName)) {
                results.add(proxy);
            }
        }
        ObjectNode page = JSON.createObjectNode();
        page.put("total", proxies.size())
                .put("subtotal", results.size())
                .put("page", 1)
                .put("per_page", 20);
        page.put("search", search);
        page.putObject("sort").putNull("by").putNull("order");
        page.set("results", results);
        return page;
    }

    private static ObjectNode proxyJson(long id, String name, String url, List<String> features) {
        ObjectNode proxy = JSON.createObjectNode();
        proxy.put("id", id).put("name", name).put("url", url);
        proxy.set("features", features(features));
        return proxy;
    }

    private static ArrayNode features(List<String> names) {
        ArrayNode array = JSON.createArrayNode();
        long featureId = 1;
        for (String name : names) {
            ObjectNode feature = array.addObject();
            feature.put("name", name).put("id", featureId++);
            feature.putArray("capabilities");
        }
        return array;
    }

    private static ObjectNode error(ObjectNode inner) {
        ObjectNode body = JSON.createObjectNode();
        body.set("error", inner);
        return body;
    }

    private boolean authenticated(HttpExchange exchange, String method, URI uri) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return false;
        }
        if (header.startsWith("Basic ") && username != null) {
            String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
            return pair.equals(username + ":" + password);
        }
        if (header.startsWith("OAuth ") && consumerKey != null) {
            Map<String, String> oauth = new LinkedHashMap<>();
            Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header.substring(6));
            while (m.find()) {
                oauth.put(m.group(1), URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            if (!consumerKey.equals(oauth.get("oauth_consumer_key"))
                    || !"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) {
                return false;
            }
            // As Foreman does: the URL the client addressed, from its Host header.
            String host = exchange.getRequestHeaders().getFirst("Host");
            URI seen = URI.create((ca == null ? "http://" : "https://")
                    + host
                    + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            String expected = new OAuth1Signer(consumerKey, consumerSecret).signature(method, seen, Map.of(), oauth);
            return expected.equals(oauth.get("oauth_signature"));
        }
        return false;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static SSLContext serverContext(SuiteCa ca) {
        try {
            IssuedCertificate issued = ca.issue(
                    new CertificateRequest(
                            "localhost", List.of("localhost"), CertificateRequest.Usage.SERVER, Duration.ofDays(1)),
                    Instant.now());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "stand-in".toCharArray();
            store.setKeyEntry("server", Pem.parsePrivateKey(issued.privateKeyPem()), password, new Certificate[] {
                issued.certificate(), ca.certificate()
            });
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the stand-in's TLS: " + e.getMessage(), e);
        }
    }
}
