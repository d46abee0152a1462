package io.agiledunning.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agiledunning.testsupport.PlatformService;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-up page served by frontend-api, in a real headless Chromium against the packaged onboarding service:
 * field errors in German and English, a server-side field error placed under its field, then a sign-up that
 * reaches the confirmation, and the verification page from the mailed link that activates the tenant.
 */
class SignUpPageIT {

    private static PlatformStack stack;
    private static ChromeDriver browser;
    private static String frontend;

    @BeforeAll
    static void start() {
        PlatformStack.startServers();
        stack = PlatformStack.onFreePorts().start(Set.of(PlatformService.ONBOARDING, PlatformService.FRONTEND_API));
        frontend = stack.url(PlatformService.FRONTEND_API);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anEmptyFormNamesEveryMissingFieldInGermanAndInEnglish() {
        browser.get(frontend + "/signup?lang=de");
        assertEquals("Unternehmen registrieren", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertEquals("Bitte füllen Sie dieses Feld aus.", errorOf("legalName"));
        assertEquals("Bitte füllen Sie dieses Feld aus.", errorOf("adminEmail"));
        assertEquals("Bitte stimmen Sie den Bedingungen zu.", errorOf("acceptedTerms"));
        assertEquals("true", browser.findElement(By.id("legalName")).getAttribute("aria-invalid"));

        browser.get(frontend + "/signup?lang=en");
        assertEquals("Sign up your company", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.id("adminEmail")).sendKeys("not-an-address");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertEquals("Please fill in this field.", errorOf("city"));
        assertEquals("Please enter a valid e-mail address.", errorOf("adminEmail"));
        assertEquals("Please accept the terms to sign up.", errorOf("acceptedTerms"));
    }

    @Test
    void aCompanySignsUpInTheBrowserAndConfirmsFromTheMailedLink() throws Exception {
        String email = "inhaber-" + UUID.randomUUID() + "@example.org";
        browser.get(frontend + "/signup?lang=de");
        fill("Browser Handels GmbH " + UUID.randomUUID(), "DE", email);
        // A field only the server can judge: the VAT id's form. Its reason lands under the field.
        browser.findElement(By.id("vatId")).sendKeys("DE12");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        String vatError = waitFor(By.id("vatId-error"));
        assertTrue(vatError.startsWith("Bitte prüfen: "), vatError);
        assertFalse(browser.findElement(By.id("sign-up")).getAttribute("hidden") != null, "the form stays for a correction");

        browser.findElement(By.id("vatId")).clear();
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
        assertEquals("Fast geschafft", browser.findElement(By.cssSelector("#confirmation h2")).getText());
        assertEquals(email, browser.findElement(By.id("confirmation-email")).getText());

        Matcher link = Pattern.compile("/signup/verify\\?token=([A-Za-z0-9_-]+)&lang=de").matcher(Mails.to(email).getContent().toString());
        assertTrue(link.find(), "the mail links to the verification page in German");
        browser.get(frontend + "/signup/verify?token=" + link.group(1) + "&lang=de");
        browser.findElement(By.id("password")).sendKeys("kurz");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertEquals("Das Passwort braucht mindestens 12 Zeichen.", errorOf("password"));
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys("Ein-langes-Passw0rt!");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
        assertEquals("Ihr Konto ist bereit", browser.findElement(By.cssSelector("#confirmation h2")).getText());
    }

    private static void fill(String legalName, String country, String email) {
        type("legalName", legalName);
        type("street", "Heidestraße 17");
        type("postalCode", "51147");
        type("city", "Köln");
        browser.findElement(By.id("country")).clear();
        type("country", country);
        type("adminFirstName", "Erika");
        type("adminLastName", "Mustermann");
        type("adminEmail", email);
        browser.findElement(By.id("acceptedTerms")).click();
    }

    private static void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private static String errorOf(String field) {
        return browser.findElement(By.id(field + "-error")).getText();
    }

    private static String waitFor(By locator) {
        WebDriver driver = browser;
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElement(locator).getText().isBlank());
        return driver.findElement(locator).getText();
    }
}
