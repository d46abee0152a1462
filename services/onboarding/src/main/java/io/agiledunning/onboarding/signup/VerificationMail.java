package io.agiledunning.onboarding.signup;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The mail that asks a new tenant's admin to verify the address and choose a password, in the sign-up's language. */
@ApplicationScoped
public class VerificationMail {

    private final ReactiveMailer mailer;
    private final OnboardingConfig config;

    public VerificationMail(ReactiveMailer mailer, OnboardingConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public Uni<Void> send(Tenant tenant, String token) {
        String link = config.verifyUrl() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&lang=" + tenant.locale();
        long hours = config.verificationTtl().toHours();
        Mail mail = "en".equals(tenant.locale())
                ? Mail.withText(tenant.adminEmail(), "Confirm your Agile Dunning account",
                """
                Hello %s %s,

                %s has been signed up for Agile Dunning with this address. To confirm it and choose your password, open:

                %s

                The link works once, for %d hours. If you did not sign up, ignore this mail.
                """.formatted(tenant.adminFirstName(), tenant.adminLastName(), tenant.legalName(), link, hours))
                : Mail.withText(tenant.adminEmail(), "Bestätigen Sie Ihr Agile-Dunning-Konto",
                """
                Guten Tag %s %s,

                %s wurde mit dieser Adresse bei Agile Dunning registriert. Um die Adresse zu bestätigen und Ihr Passwort festzulegen, öffnen Sie:

                %s

                Der Link gilt einmal und %d Stunden lang. Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail.
                """.formatted(tenant.adminFirstName(), tenant.adminLastName(), tenant.legalName(), link, hours));
        return mailer.send(mail.setFrom(config.mailFrom()));
    }

    /** Invites a user into a tenant: the link lets them verify the address and choose a password. */
    public Uni<Void> sendInvitation(String email, String firstName, String lastName, String locale, String token) {
        String link = config.invitationUrl() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&lang=" + locale;
        long hours = config.verificationTtl().toHours();
        Mail mail = "en".equals(locale)
                ? Mail.withText(email, "You are invited to Agile Dunning",
                """
                Hello %s %s,

                you have been invited to work with Agile Dunning. To accept and choose your password, open:

                %s

                The link works once, for %d hours.
                """.formatted(firstName, lastName, link, hours))
                : Mail.withText(email, "Einladung zu Agile Dunning",
                """
                Guten Tag %s %s,

                Sie wurden zu Agile Dunning eingeladen. Um die Einladung anzunehmen und Ihr Passwort festzulegen, öffnen Sie:

                %s

                Der Link gilt einmal und %d Stunden lang.
                """.formatted(firstName, lastName, link, hours));
        return mailer.send(mail.setFrom(config.mailFrom()));
    }
}
