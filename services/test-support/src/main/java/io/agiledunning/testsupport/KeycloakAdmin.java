package io.agiledunning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A minimal client of Keycloak's admin REST API and token endpoint, logged in as the bootstrap
 * admin ({@code admin}/{@code admin} in the master realm). Plain HTTP + Jackson keeps the
 * Keycloak admin client (and its RESTEasy) off the consumers' test classpaths.
 */
public final class KeycloakAdmin {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String realm;
    private String accessToken;
    private long tokenExpiresAtNanos;

    public KeycloakAdmin(String baseUrl, String realm) {
        this.baseUrl = baseUrl;
        this.realm = realm;
    }

    /** GET {@code /admin/realms/<realm><path>}. */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** POST a JSON body; returns the id from the {@code Location} header of a 201, else null. */
    public String post(String path, Object body) {
        HttpResponse<String> response = exchange("POST", path, body);
        return response.headers().firstValue("Location")
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .orElse(null);
    }

    public void put(String path, Object body) {
        exchange("PUT", path, body);
    }

    private JsonNode send(String method, String path, Object body) {
        String text = exchange(method, path, body).body();
        try {
            return text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered " + method + " " + path + " with no JSON: " + text, e);
        }
    }

    private HttpResponse<String> exchange(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new KeycloakException(method + " " + request.uri() + " failed with HTTP " + response.statusCode() + ": " + response.body(),
                        response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " on Keycloak " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private synchronized String adminToken() {
        if (accessToken == null || System.nanoTime() > tokenExpiresAtNanos) {
            JsonNode token = tokenRequest(baseUrl, "master", Map.of(
                    "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
            accessToken = token.get("access_token").asText();
            // Renew 10 s early so that no request carries an expired token.
            tokenExpiresAtNanos = System.nanoTime() + Duration.ofSeconds(token.get("expires_in").asLong() - 10).toNanos();
        }
        return accessToken;
    }

    /** POSTs a form to {@code /realms/<realm>/protocol/openid-connect/token}; returns the JSON answer. */
    public static JsonNode tokenRequest(String baseUrl, String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token");
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new KeycloakException("Token request to " + uri + " for " + form.getOrDefault("username", form.get("client_id"))
                        + " failed with HTTP " + response.statusCode() + ": " + response.body(), response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Token request to " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A non-2xx answer of Keycloak; {@link #status()} lets callers treat 409 (exists) as success. */
    public static final class KeycloakException extends RuntimeException {
        private final int status;

        KeycloakException(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
