package io.agiledunning.onboarding.abuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One budget a call spends: at most {@code limit} calls of {@code scope} per {@code key} (a client address or an
 * e-mail domain) within the sliding window.
 */
public record RateLimit(String scope, String key, int limit, String what) {

    /** A sign-up spends the client address's and the admin e-mail domain's budgets. */
    public static List<RateLimit> signUp(RateLimitConfig config, String clientAddress, String email) {
        return budgets("sign-up", "sign-ups", clientAddress, email, config.signUpsPerAddress(), config.signUpsPerDomain());
    }

    /** A new verification mail spends budgets of its own, as large as the sign-up's. */
    public static List<RateLimit> verificationMail(RateLimitConfig config, String clientAddress, String email) {
        return budgets("verification-mail", "verification mails", clientAddress, email, config.signUpsPerAddress(), config.signUpsPerDomain());
    }

    /** An invitation spends the inviting client address's and the invitee's e-mail domain's budgets. */
    public static List<RateLimit> invitation(RateLimitConfig config, String clientAddress, String email) {
        return budgets("invitation", "invitations", clientAddress, email, config.invitationsPerAddress(), config.invitationsPerDomain());
    }

    private static List<RateLimit> budgets(String scope, String what, String clientAddress, String email, int perAddress, int perDomain) {
        List<RateLimit> limits = new ArrayList<>();
        limits.add(new RateLimit(scope + ":address", clientAddress, perAddress, "too many %s from your address".formatted(what)));
        domainOf(email).ifPresent(domain -> limits.add(new RateLimit(scope + ":domain", domain, perDomain,
                "too many %s for e-mail addresses at %s".formatted(what, domain))));
        return limits;
    }

    /** The part after the last {@code @}, lower-cased; empty for text that is no address (validation says so later). */
    static Optional<String> domainOf(String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.strip().lastIndexOf('@');
        String domain = at < 0 ? "" : email.strip().substring(at + 1).toLowerCase(Locale.ROOT);
        return domain.isEmpty() || domain.length() > 253 ? Optional.empty() : Optional.of(domain);
    }
}
