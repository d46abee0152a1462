package io.agiledunning.testsupport.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of the Stripe API for tests and the local stack: a real HTTP server on 127.0.0.1 that the
 * real stripe-java client talks to (point its API base at {@link #apiBase()}). Stripe itself is
 * unreachable here, and no Stripe mock server is installable.
 *
 * <p>It serves the subset the platform uses, with Stripe's wire format (form-encoded requests with
 * bracketed nested keys, JSON objects with {@code object}, snake_case fields, Stripe's error body):
 * <ul>
 *   <li>{@code POST /v1/accounts}: a new connected account {@code acct_…} with {@code type},
 *       {@code country}, {@code email}, {@code metadata[…]} from the request, and
 *       {@code charges_enabled}, {@code payouts_enabled}, {@code details_submitted} all false;</li>
 *   <li>{@code GET /v1/accounts/{id}}: the account as it is now (404 {@code resource_missing} if unknown);</li>
 *   <li>{@code POST /v1/account_links}: {@code url} and {@code expires_at} (5 minutes) for an existing account.</li>
 * </ul>
 * Every request must carry {@code Authorization: Bearer <secret key>} (else 401). An
 * {@code Idempotency-Key} replays the first answer for the same key and parameters, and answers 400
 * {@code idempotency_error} for the same key with other parameters, as Stripe does. Requests are
 * recorded ({@link #requests()}) for assertions.
 *
 * <p>Tests change an account's state with {@link #updateAccount} (what Stripe does when the tenant
 * completes onboarding) and deliver the matching {@code account.updated} event with a
 * {@link StripeWebhookSender}; {@link StripeEvents} builds the events.
 */
public final class FakeStripe implements AutoCloseable {

    /** The secret key of the platform account in tests; Stripe's test keys start with {@code sk_test_}. */
    public static final String SECRET_KEY = "sk_test_agiledunning_fake";
    /** The endpoint signing secret of the webhooks in tests; Stripe's start with {@code whsec_}. */
    public static final String WEBHOOK_SECRET = "whsec_agiledunning_fake";

    private static final Pattern ACCOUNT_PATH = Pattern.compile("/v1/accounts/(acct_[A-Za-z0-9]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final String secretKey;
    private final Clock clock;
    private final Map<String, ObjectNode> accounts = new ConcurrentHashMap<>();
    private final Map<String, Replay> idempotent = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    /** A request as the fake received it: {@code params} are the decoded form fields, keys as sent ({@code metadata[tenant_id]}). */
    public record RecordedRequest(String method, String path, String authorization, String idempotencyKey,
                                  String stripeVersion, Map<String, String> params) {
    }

    private record Replay(String method, String path, Map<String, String> params, int status, String body) {
    }

    private FakeStripe(HttpServer server, String secretKey, Clock clock) {
        this.server = server;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    /** Starts a fake on {@code port} (0: a free one) accepting {@code secretKey}. */
    public static FakeStripe start(int port, String secretKey, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            FakeStripe fake = new FakeStripe(server, secretKey, clock);
            server.createContext("/v1/", fake::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-stripe");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Stripe API on port " + port, e);
        }
    }

    /** E.g. {@code http://127.0.0.1:41234}: stripe-java's API base ({@code StripeClient.builder().setApiBase}). */
    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String secretKey() {
        return secretKey;
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests with this method and path (e.g. {@code POST}, {@code /v1/accounts}). */
    public List<RecordedRequest> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** The accounts created whose {@code metadata[key]} is {@code value}, oldest first. */
    public List<ObjectNode> accountsWithMetadata(String key, String value) {
        return accounts.values().stream()
                .filter(account -> value.equals(account.path("metadata").path(key).asText(null)))
                .sorted((a, b) -> Long.compare(a.get("created").asLong(), b.get("created").asLong()))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    /** A copy of the account as {@code GET /v1/accounts/{id}} answers it. */
    public ObjectNode account(String id) {
        ObjectNode account = accounts.get(id);
        if (account == null) {
            throw new IllegalArgumentException("the fake has no account " + id);
        }
        return account.deepCopy();
    }

    /**
     * Changes the account's state as Stripe does while the owner completes onboarding, and returns the
     * account as an {@code account.updated} event carries it.
     */
    public ObjectNode updateAccount(String id, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted) {
        ObjectNode account = accounts.computeIfPresent(id, (key, current) -> {
            ObjectNode updated = current.deepCopy();
            updated.put("charges_enabled", chargesEnabled);
            updated.put("payouts_enabled", payoutsEnabled);
            updated.put("details_submitted", detailsSubmitted);
            return updated;
        });
        if (account == null) {
            throw new IllegalArgumentException("the fake has no account " + id);
        }
        return account.deepCopy();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> params = formParams(exchange);
            String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new RecordedRequest(method, path, authorization, idempotencyKey,
                    exchange.getRequestHeaders().getFirst("Stripe-Version"), params));
            if (!("Bearer " + secretKey).equals(authorization)) {
                respond(exchange, 401, error("invalid_request_error", null, "Invalid API Key provided"));
                return;
            }
            if (idempotencyKey == null || !method.equals("POST")) {
                Replay answer = answer(method, path, params);
                respond(exchange, answer.status(), answer.body());
                return;
            }
            Replay first = idempotent.computeIfAbsent(idempotencyKey, key -> answer(method, path, params));
            if (!first.method().equals(method) || !first.path().equals(path) || !first.params().equals(params)) {
                respond(exchange, 400, error("idempotency_error", null, "Keys for idempotent requests can only be used with the same "
                        + "parameters they were first used with. Try using a key other than '" + idempotencyKey + "'"));
                return;
            }
            respond(exchange, first.status(), first.body());
        }
    }

    private Replay answer(String method, String path, Map<String, String> params) {
        int status = 200;
        String body;
        Matcher accountPath = ACCOUNT_PATH.matcher(path);
        if (method.equals("POST") && path.equals("/v1/accounts")) {
            body = write(createAccount(params));
        } else if (method.equals("GET") && accountPath.matches() && accounts.containsKey(accountPath.group(1))) {
            body = write(accounts.get(accountPath.group(1)));
        } else if (method.equals("POST") && path.equals("/v1/account_links")) {
            String account = params.get("account");
            if (account == null || !accounts.containsKey(account)) {
                status = 400;
                body = error("invalid_request_error", "account", "No such account: '" + account + "'");
            } else if (params.get("refresh_url") == null || params.get("return_url") == null || params.get("type") == null) {
                status = 400;
                body = error("invalid_request_error", "type", "Missing required param: refresh_url, return_url and type.");
            } else {
                body = write(accountLink(account));
            }
        } else {
            status = 404;
            body = error("invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path + ")");
        }
        return new Replay(method, path, params, status, body);
    }

    private ObjectNode createAccount(Map<String, String> params) {
        ObjectNode account = JSON.createObjectNode();
        String id = "acct_" + randomId(16);
        account.put("id", id);
        account.put("object", "account");
        account.put("type", params.getOrDefault("type", "standard"));
        account.put("country", params.getOrDefault("country", "US"));
        account.put("email", params.get("email"));
        account.put("default_currency", "eur");
        account.put("charges_enabled", false);
        account.put("payouts_enabled", false);
        account.put("details_submitted", false);
        account.put("created", clock.instant().getEpochSecond());
        ObjectNode metadata = account.putObject("metadata");
        params.forEach((key, value) -> {
            if (key.startsWith("metadata[") && key.endsWith("]")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        account.putObject("requirements").putArray("currently_due").add("business_profile.url").add("external_account");
        accounts.put(id, account);
        return account;
    }

    private ObjectNode accountLink(String account) {
        ObjectNode link = JSON.createObjectNode();
        long now = clock.instant().getEpochSecond();
        link.put("object", "account_link");
        link.put("created", now);
        link.put("expires_at", now + 300);
        link.put("url", "https://connect.stripe.com/setup/s/" + account + "/" + randomId(12));
        return link;
    }

    private static Map<String, String> formParams(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        List<String> pairs = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            pairs.addAll(List.of(query.split("&")));
        }
        if (!body.isEmpty()) {
            pairs.addAll(List.of(body.split("&")));
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static String error(String type, String param, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        return write(body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_" + randomId(14));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomId(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
