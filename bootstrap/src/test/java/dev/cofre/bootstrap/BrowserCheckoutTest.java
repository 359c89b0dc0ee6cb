package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.merchant.PublishableKeyAccess.Kind;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Seed 000's saved-card checkout in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs) opens {@code /demo/checkout}, picks a saved
 * card, types the security code sized to its brand, pays, and sees the card token that
 * {@code /js/cofre.js} created with the public key; the access token then reads that token through
 * the API. The page's screenshot is left at {@code bootstrap/target/browser-checkout.png}. A page
 * on another origin can use the public key only once the merchant allowed that origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BrowserCheckoutTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String VISA = "4235647728025682";
    static final String AMEX = "375365153556885";

    Path dataDir;
    Path profile;
    RunningCofre cofre;
    WebDriver browser;
    String accessToken;
    String publicKey;
    String customerId;
    String visaCard;
    String amexCard;
    dev.cofre.domain.merchant.MerchantId merchant;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("COFRE_REQUIRE_BROWSER"))) {
            fail("COFRE_REQUIRE_BROWSER is set but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        Assumptions.assumeTrue(present, "Browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not"
                + " installed (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        dataDir = Files.createDirectories(dir.resolve("data"));
        profile = Files.createDirectories(dir.resolve("chromium-profile"));
        // The demo merchant must exist before the server starts: register it, then start with COFRE_DEMO_MERCHANT.
        var first = new RunningCofre(dataDir, null, null, Instant.now(), Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"));
        merchant = first.merchant("Loja Demo").merchant().id();
        accessToken = first.wiring().accessTokens().issue(merchant);
        publicKey = first.wiring().publishableKeys().issue(merchant, Kind.MERCADO_PAGO);
        first.close();
        cofre = new RunningCofre(dataDir, null, null, Instant.now(), Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0",
                "COFRE_DEMO_MERCHANT", "Loja Demo"));

        customerId = api("POST", "/v1/customers", "{\"email\":\"comprador@test.com\"}", 201).get("id").asText();
        visaCard = saveCard(VISA, "123");
        amexCard = saveCard(AMEX, "1234");

        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=720,640");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (cofre != null) {
            cofre.close();
        }
    }

    JsonNode api(String method, String path, String json, int status) {
        Reply r = cofre.send(method, path, json, Map.of("Authorization", "Bearer " + accessToken,
                "Content-Type", "application/json", "X-Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(status, r.status(), r.body());
        return r.json();
    }

    String saveCard(String number, String cvv) {
        String token = api("POST", "/v1/card_tokens", MercadoPagoServerContract.rawCard(number, cvv), 201)
                .get("id").asText();
        return api("POST", "/v1/customers/" + customerId + "/cards", "{\"token\":\"" + token + "\"}", 201)
                .get("id").asText();
    }

    String checkoutUrl(String host) {
        return "http://" + host + ":" + cofre.port() + "/demo/checkout?public_key="
                + URLEncoder.encode(publicKey, StandardCharsets.UTF_8) + "&customer_id=" + customerId;
    }

    @Test
    void the_shopper_picks_a_saved_card_types_its_code_and_pays_with_a_card_token() throws IOException {
        browser.get(checkoutUrl("127.0.0.1"));
        var select = new Select(browser.findElement(By.id("cardId")));
        List<String> shown = select.getOptions().stream().map(WebElement::getText).toList();
        assertTrue(shown.contains("Visa ended in 5682") && shown.contains("Amex ended in 6885"), shown.toString());
        WebElement cvv = browser.findElement(By.id("cvv"));

        select.selectByValue(visaCard);
        assertEquals("3", cvv.getDomAttribute("maxlength"), "a Visa's code has 3 digits");
        select.selectByValue(amexCard);
        assertEquals("4", cvv.getDomAttribute("maxlength"), "an Amex code has 4 digits");
        cvv.sendKeys("12345");
        assertEquals("1234", cvv.getDomProperty("value"), "the field takes no more than the brand's length");

        browser.findElement(By.id("pay")).click();
        WebElement output = browser.findElement(By.id("token"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !output.getText().isEmpty()
                || !d.findElement(By.id("error")).getText().isEmpty());
        assertEquals("", browser.findElement(By.id("error")).getText());
        String tokenId = output.getText();
        assertTrue(tokenId.matches("[0-9a-f]{32}"), tokenId);
        assertEquals("", cvv.getDomProperty("value"), "the code is cleared once used");

        Path shot = Path.of("target", "browser-checkout.png").toAbsolutePath();
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        JsonNode token = api("GET", "/v1/card_tokens/" + tokenId, null, 200);
        assertEquals("active", token.get("status").asText());
        assertEquals(amexCard, token.get("card_id").asText(), "made from the card the shopper picked");
        assertEquals("6885", token.get("last_four_digits").asText());
        assertEquals(4, token.get("security_code_length").asInt());
        assertFalse(browser.getPageSource().contains(AMEX), "the page never holds the card number");
    }

    @Test
    void a_page_on_another_origin_creates_tokens_only_once_the_merchant_allows_that_origin() {
        String page = "http://localhost:" + cofre.port();
        // Any page of the other origin without a CSP of its own (the demo page allows only its own scripts).
        browser.get(page + "/js/cofre.js");
        String script = "var done = arguments[arguments.length - 1], base = arguments[0], key = arguments[1],"
                + " card = arguments[2], s = document.createElement('script');"
                + "s.src = base + '/js/cofre.js';"
                + "s.onload = function () { Cofre(key, {baseUrl: base}).createCardToken({cardId: card, securityCode: '123'})"
                + ".then(function (t) { done('token ' + t.id); }, function (e) { done('error ' + e.message); }); };"
                + "document.documentElement.appendChild(s);";
        String api = "http://127.0.0.1:" + cofre.port();
        Object refused = ((JavascriptExecutor) browser).executeAsyncScript(script, api, publicKey, visaCard);
        assertTrue(String.valueOf(refused).startsWith("error "), "not yet allowed: " + refused);

        assertTrue(cofre.wiring().publishableKeys().setOrigins(merchant, List.of(page)).isRight());
        Object allowed = ((JavascriptExecutor) browser).executeAsyncScript(script, api, publicKey, visaCard);
        assertTrue(String.valueOf(allowed).matches("token [0-9a-f]{32}"), String.valueOf(allowed));
    }

    @Test
    void the_demo_page_lists_no_cards_for_a_public_key_of_another_merchant() {
        String other = cofre.wiring().publishableKeys().issue(cofre.merchant("Outra").merchant().id(), Kind.MERCADO_PAGO);
        browser.get("http://127.0.0.1:" + cofre.port() + "/demo/checkout?public_key="
                + URLEncoder.encode(other, StandardCharsets.UTF_8) + "&customer_id=" + customerId);
        assertTrue(browser.findElements(By.id("cardId")).isEmpty(), "no card list");
        assertTrue(browser.findElement(By.id("error")).getText().contains("No such customer"));
    }
}
