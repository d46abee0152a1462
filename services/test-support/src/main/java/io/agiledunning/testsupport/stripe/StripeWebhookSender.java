package io.agiledunning.testsupport.stripe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers webhook events the way Stripe does: {@code POST} of the event JSON with
 * {@code Content-Type: application/json; charset=utf-8} and
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}.
 * Tests also send what Stripe never would (another secret, a changed body, an old timestamp) with
 * {@link #deliver(URI, String, String)} and {@link #signature}.
 */
public final class StripeWebhookSender {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String signingSecret;

    /** @param signingSecret the endpoint's signing secret ({@code whsec_…}) */
    public StripeWebhookSender(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    /** Signs {@code payload} as of now and posts it; returns the endpoint's answer. */
    public HttpResponse<String> deliver(URI endpoint, String payload) {
        return deliver(endpoint, payload, signature(signingSecret, Instant.now(), payload));
    }

    /** Posts {@code payload} with exactly this {@code Stripe-Signature} header (null: none). */
    public static HttpResponse<String> deliver(URI endpoint, String payload, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (signatureHeader != null) {
            request.header("Stripe-Signature", signatureHeader);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot deliver the webhook to " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering the webhook to " + endpoint, e);
        }
    }

    /** {@code t=<timestamp>,v1=<hex HMAC-SHA256(secret, timestamp + "." + payload)>}, Stripe's scheme v1. */
    public static String signature(String secret, Instant timestamp, String payload) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + hmacSha256Hex(secret, t + "." + payload);
    }

    private static String hmacSha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
