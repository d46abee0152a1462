package io.agiledunning.onboarding.signup;

import io.agiledunning.testsupport.SmtpServer;
import io.agiledunning.testsupport.TestTenants;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-ups over the onboarding REST API, their mails (from GreenMail) and verification, for the tests. */
final class SignUps {

    static final String PASSWORD = "Sehr-geheim-2026!";
    private static final Pattern LINK = Pattern.compile("/signup/verify\\?token=([A-Za-z0-9_-]+)&lang=(de|en)");

    /** A tenant that signed up and was verified, with its admin's token. */
    record SignedUp(String tenantId, String slug, String adminEmail, String adminToken) {
    }

    private SignUps() {
    }

    static SignedUp signUpAndVerify(String prefix) {
        String suffix = suffix();
        String email = prefix + "-" + suffix + "@example.org";
        ValidatableResponse created = post(body(prefix + " GmbH " + suffix, email)).statusCode(201);
        String tenantId = created.extract().path("tenantId");
        String slug = created.extract().path("slug");
        verify(tokenIn(mailTo(email)), PASSWORD).statusCode(200);
        return new SignedUp(tenantId, slug, email, TestTenants.passwordToken(email, PASSWORD));
    }

    static Map<String, Object> body(String legalName, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("legalName", legalName);
        body.put("country", "de");
        body.put("street", "Hauptstraße 1");
        body.put("postalCode", "10115");
        body.put("city", "Berlin");
        body.put("vatId", null);
        body.put("creditorType", "b2b");
        body.put("adminFirstName", "Eva");
        body.put("adminLastName", "Muster");
        body.put("adminEmail", email);
        body.put("acceptedTerms", true);
        body.put("locale", "de");
        return body;
    }

    static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/sign-ups").then().log().ifValidationFails();
    }

    static ValidatableResponse verify(String token, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "password", password))
                .post("/api/sign-ups/verification").then().log().ifValidationFails();
    }

    /** The {@code count} mails to {@code recipient}, oldest first, once that many arrived. */
    static List<MimeMessage> mailsTo(String recipient, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mine = SmtpServer.start().receivedMessages().stream().filter(m -> sentTo(m, recipient)).toList();
            if (mine.size() >= count) {
                assertEquals(count, mine.size(), "mails to " + recipient);
                return mine;
            }
            pause();
        }
        throw new AssertionError("fewer than " + count + " mails to " + recipient);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static long countMailsTo(String recipient) {
        return SmtpServer.start().receivedMessages().stream().filter(m -> sentTo(m, recipient)).count();
    }

    /** The one mail to {@code recipient}; other tests' mails in the shared GreenMail are ignored. */
    static MimeMessage mailTo(String recipient) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> mine = SmtpServer.start().receivedMessages().stream().filter(m -> sentTo(m, recipient)).toList();
            if (!mine.isEmpty()) {
                assertEquals(1, mine.size(), "mails to " + recipient);
                return mine.getFirst();
            }
            pause();
        }
        throw new AssertionError("no mail to " + recipient);
    }

    /** The verification token of the link in the (German) mail. */
    static String tokenIn(MimeMessage mail) {
        try {
            String text = mail.getContent().toString();
            Matcher link = LINK.matcher(text);
            assertTrue(link.find(), "no verification link in " + text);
            assertEquals("de", link.group(2));
            return link.group(1);
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static boolean sentTo(MimeMessage message, String recipient) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(recipient);
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
