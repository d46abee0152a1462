package io.agiledunning.cases.handover;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * How the platform signs what it posts to an agency, in the scheme agencies know from Stripe: the header
 * {@code X-AgileDunning-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the tenant's secret>}.
 * The agency recomputes it with the secret the tenant admin gave it, compares in constant time and refuses old
 * timestamps (replays).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-AgileDunning-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=%d,v1=%s".formatted(unixSeconds, hmac(secret, unixSeconds, body));
    }

    static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
