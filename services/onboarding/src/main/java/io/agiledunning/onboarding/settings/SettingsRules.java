package io.agiledunning.onboarding.settings;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.onboarding.TenantSettings.Values;
import io.agiledunning.onboarding.signup.SignUp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Checks and normalizes the optional settings (branding, sender, footer, bank, state, agency) all at once, so a
 * tenant admin sees every wrong field in one answer. Blank means "not set".
 */
public final class SettingsRules {

    /**
     * The 16 Länder by their ISO 3166-2:DE code, the same codes the cases service's public-holiday calendar reads;
     * onboarding keeps them by value so it does not depend on cases.
     */
    public static final Set<String> GERMAN_STATES = Set.of("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN",
            "ST", "SH", "TH");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern HEADER_UNSAFE = Pattern.compile("[\\r\\n<>\"]");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private final List<FieldError> errors = new ArrayList<>();

    private SettingsRules() {
    }

    /** @throws ApiException VALIDATION naming every wrong field */
    public static Values check(Values raw) {
        SettingsRules rules = new SettingsRules();
        Values checked = rules.apply(raw);
        if (!rules.errors.isEmpty()) {
            throw ApiException.invalid(rules.errors);
        }
        return checked;
    }

    private Values apply(Values raw) {
        String logoUrl = httpsUrl("logoUrl", raw.logoUrl());
        String primary = colour("primaryColour", raw.primaryColour());
        String accent = colour("accentColour", raw.accentColour());
        String senderName = headerText("senderName", raw.senderName());
        String replyTo = email("replyTo", raw.replyTo());
        String footer = text("legalFooter", raw.legalFooter(), 2000);
        String iban = iban(raw.iban());
        String bic = bic(raw.bic());
        String state = germanState(raw.germanState());
        String agencyName = text("agencyName", raw.agencyName(), 200);
        String channel = channel(raw.agencyChannel());
        String webhook = httpsUrl("agencyWebhookUrl", raw.agencyWebhookUrl());
        if (channel != null && agencyName == null) {
            errors.add(new FieldError("agencyName", "must not be blank when a handover channel is set"));
        }
        if (agencyName != null && blank(raw.agencyChannel())) {
            errors.add(new FieldError("agencyChannel", "must be set for a collection agency: DOWNLOAD, DROP_FOLDER or WEBHOOK"));
        }
        if (HandoverChannel.WEBHOOK.name().equals(channel) && webhook == null && blank(raw.agencyWebhookUrl())) {
            errors.add(new FieldError("agencyWebhookUrl", "must be set for the WEBHOOK channel"));
        }
        if (webhook != null && channel != null && !HandoverChannel.WEBHOOK.name().equals(channel)) {
            errors.add(new FieldError("agencyWebhookUrl", "is only used with the WEBHOOK channel; leave it empty"));
        }
        return new Values(raw.displayName(), raw.locale(), raw.timeZone(), raw.defaultCurrency(), raw.dunningHorizonDays(), logoUrl, primary,
                accent, senderName, replyTo, footer, iban, bic, state, agencyName, channel, webhook);
    }

    private String httpsUrl(String field, String value) {
        return checked(value, v -> {
            try {
                URI uri = new URI(v);
                if (v.length() <= 500 && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            return reject(field, "must be an https URL of at most 500 characters, e.g. https://example.com/logo.png");
        });
    }

    private String colour(String field, String value) {
        return checked(value, v -> COLOUR.matcher(v).matches() ? v.toUpperCase(Locale.ROOT)
                : reject(field, "must be a colour #RRGGBB, e.g. #1A73E8"));
    }

    /** Goes into a mail's From header: no line breaks or angle brackets that could forge headers. */
    private String headerText(String field, String value) {
        return checked(value, v -> HEADER_UNSAFE.matcher(v).find() ? reject(field, "must not contain line breaks, quotes or < >")
                : v.length() > 100 ? reject(field, "must be at most 100 characters") : v);
    }

    private String email(String field, String value) {
        return checked(value, v -> SignUp.EMAIL.matcher(v.toLowerCase(Locale.ROOT)).matches() ? v.toLowerCase(Locale.ROOT)
                : reject(field, "'%s' is not an e-mail address".formatted(v)));
    }

    private String text(String field, String value, int max) {
        return checked(value, v -> v.length() > max ? reject(field, "must be at most %d characters".formatted(max)) : v);
    }

    private String iban(String value) {
        return checked(value, v -> {
            String iban = Iban.normalize(v);
            return Iban.problem(iban).map(reason -> reject("iban", reason)).orElse(iban);
        });
    }

    private String bic(String value) {
        return checked(value, v -> {
            String bic = v.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            return BIC.matcher(bic).matches() ? bic
                    : reject("bic", "must be 8 or 11 characters: bank code (4 letters), country (2 letters), location (2), branch (3, optional)");
        });
    }

    private String germanState(String value) {
        return checked(value, v -> {
            String code = v.toUpperCase(Locale.ROOT).replaceFirst("^DE-", "");
            return GERMAN_STATES.contains(code) ? code
                    : reject("germanState", "must be a German state code: " + String.join(", ", GERMAN_STATES.stream().sorted().toList()));
        });
    }

    private String channel(String value) {
        return checked(value, v -> {
            try {
                return HandoverChannel.valueOf(v.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                return reject("agencyChannel", "must be one of DOWNLOAD, DROP_FOLDER, WEBHOOK");
            }
        });
    }

    private static String checked(String value, UnaryOperator<String> rule) {
        return blank(value) ? null : rule.apply(value.strip());
    }

    private String reject(String field, String reason) {
        errors.add(new FieldError(field, reason));
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
