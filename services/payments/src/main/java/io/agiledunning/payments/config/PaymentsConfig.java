package io.agiledunning.payments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "agiledunning.payments")
public interface PaymentsConfig {

    Stripe stripe();

    /** The platform's Stripe account, through which tenants connect their own (docs/payments.md). */
    interface Stripe {

        /** Stripe's API; tests and the local stack point it at the fake in test-support. */
        @WithDefault("https://api.stripe.com")
        String apiBase();

        /**
         * The platform's secret key ({@code sk_live_…}, {@code sk_test_…} or a restricted {@code rk_…}), from a
         * Kubernetes secret. Without it Stripe Connect answers UNAVAILABLE and card payments are off.
         */
        Optional<String> apiKey();

        /** The signing secret ({@code whsec_…}) of the Connect webhook endpoint {@code /webhooks/stripe}. */
        Optional<String> webhookSecret();

        /** Events older than this (by their signature's timestamp) are refused: a replayed delivery. */
        @WithDefault("PT5M")
        Duration signatureTolerance();

        /** Live events are applied only by a live platform and test events only by a test platform. */
        @WithDefault("false")
        boolean livemode();

        /** {@code standard} (the tenant's own Stripe dashboard; direct charges) or {@code express}. */
        @WithDefault("standard")
        AccountType accountType();

        /** The connected account's country (ISO 3166-1 alpha-2). */
        @WithDefault("DE")
        String country();

        /** Where Stripe sends the tenant admin after onboarding (the console). */
        @WithDefault("http://127.0.0.1:8080/console/payments/stripe/return")
        String returnUrl();

        /** Where Stripe sends the admin when the link expired or was used: the console starts onboarding again. */
        @WithDefault("http://127.0.0.1:8080/console/payments/stripe/refresh")
        String refreshUrl();

        @WithDefault("PT10S")
        Duration timeout();

        /** stripe-java retries network failures itself, with the same idempotency key. */
        @WithDefault("2")
        int maxNetworkRetries();
    }

    enum AccountType {
        STANDARD, EXPRESS
    }
}
