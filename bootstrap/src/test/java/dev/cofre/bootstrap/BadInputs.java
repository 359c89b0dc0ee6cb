package dev.cofre.bootstrap;

import dev.cofre.bootstrap.RunningCofre.Reply;
import dev.cofre.bootstrap.VaultServerContract.BadInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The table of bad requests across every endpoint, with the status and code each must get. */
final class BadInputs {

    private BadInputs() {
    }

    private static final String PAN = VaultServerContract.PAN;

    static BadInput vault(String name, String method, String path, String body, int status, int code) {
        return new BadInput("vault: " + name, t -> t.cofre.vault(method, path.replace("{T}", t.fixture().token())
                .replace("{F}", t.fixture().foreignToken()).replace("{R}", t.fixture().removedToken()), t.fixture().bearer(), body), status, String.valueOf(code));
    }

    static BadInput tokenize(String name, String body, int status, int code) {
        return vault(name, "POST", "/v1/Token", body, status, code);
    }

    static BadInput card(String name, String number, String holder, String expiration, String cvv, int status, int code) {
        return tokenize(name, "{\"Card\":{\"Number\":" + q(number) + ",\"Holder\":" + q(holder)
                + ",\"ExpirationDate\":" + q(expiration) + ",\"SecurityCode\":" + q(cvv) + "}}", status, code);
    }

    static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    static BadInput raw(String name, BiFunction<VaultServerContract, RunningCofre, Reply> send, int status, String code) {
        return new BadInput(name, t -> send.apply(t, t.cofre), status, code);
    }

    static BadInput justClick(String name, String method, String body, int status, int code) {
        return new BadInput("justclick: " + name, t -> t.cofre.justClick(method, body
                .replace("{MK}", t.fixture().merchant().merchantKey())
                .replace("{T}", t.fixture().token())
                .replace("{F}", t.fixture().foreignToken())
                .replace("{USED}", t.fixture().usedRequestId())
                .replace("{NEW}", RunningCofre.guid())), status, String.valueOf(code));
    }

    static BadInput oauth(String name, BiFunction<VaultServerContract, RunningCofre, Reply> send, int status,
                          String error) {
        return raw("oauth: " + name, send, status, error);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static List<BadInput> all() {
        String save = "{\"MerchantKey\":\"{MK}\",\"CustomerName\":\"Comprador\",\"CardHolder\":\"Teste Holder\","
                + "\"CardNumber\":\"" + PAN + "\",\"CardExpiration\":\"03/2029\",\"RequestId\":\"{NEW}\"";
        return List.of(
                tokenize("malformed JSON", "{\"Card\":", 400, 790),
                tokenize("trailing garbage after the object", "{} x", 400, 790),
                tokenize("a JSON array instead of an object", "[]", 400, 792),
                tokenize("a JSON string instead of an object", "\"card\"", 400, 792),
                tokenize("Card.Number as a JSON number", "{\"Card\":{\"Number\":" + PAN + "}}", 400, 792),
                tokenize("Card as a string", "{\"Card\":\"" + PAN + "\"}", 400, 792),
                tokenize("an unknown field is ignored, so the missing Card is what is wrong", "{\"Foo\":1}", 422, 707),
                tokenize("an unknown field inside Card is ignored, so the missing number is what is wrong",
                        "{\"Card\":{\"Cvv\":\"123\"}}", 422, 707),
                tokenize("Alias as a JSON number (a known field of the wrong type)", "{\"Alias\":42}", 400, 792),
                tokenize("the same field twice", "{\"Alias\":\"a\",\"Alias\":\"b\"}", 400, 790),
                tokenize("no Card at all", "{\"Alias\":\"Nothing\"}", 422, 707),
                card("a card number failing the check digit", "4551870000000184", "Jose", "12/2030", "123", 422, 708),
                card("a card number with letters", "4551abcd00000183", "Jose", "12/2030", "123", 422, 708),
                card("a card number that is too short", "45518700", "Jose", "12/2030", "123", 422, 708),
                card("an empty card number", "", "Jose", "12/2030", "123", 422, 707),
                card("no holder", PAN, null, "12/2030", "123", 422, 706),
                card("a holder of 26 characters", PAN, "Abcdefghijklmnopqrstuvwxyz", "12/2030", "123", 422, 711),
                card("a holder with digits", PAN, "Jose 2", "12/2030", "123", 422, 711),
                card("month 13", PAN, "Jose", "13/2030", "123", 422, 710),
                card("an ISO expiration", PAN, "Jose", "2030-12", "123", 422, 710),
                card("no expiration", PAN, "Jose", null, "123", 422, 709),
                card("an expired card", PAN, "Jose", "01/2021", "123", 422, 764),
                card("a two-digit security code", PAN, "Jose", "12/2030", "12", 422, 712),
                card("a security code with letters", PAN, "Jose", "12/2030", "abc", 422, 712),
                card("no security code", PAN, "Jose", "12/2030", null, 422, 712),
                card("no holder and a bad number: the number is still reported", "4551870000000184", "", "12/2030",
                        "123", 422, 708),
                card("no holder and a bad CVV: the CVV is still reported", PAN, null, "12/2030", "12", 422, 712),
                card("no number and month 13: the month is still reported", null, "Jose", "13/2030", "123", 422, 710),
                tokenize("an alias with a space", VaultServerContract.card("two words", PAN, "12/2030"), 422, 713),
                tokenize("an alias of 65 characters", VaultServerContract.card("a".repeat(65), PAN, "12/2030"), 422, 713),
                tokenize("an alias another token holds", VaultServerContract.card("Held", PAN, "12/2030"), 409, 749),
                raw("vault: text/plain instead of JSON", (t, c) -> c.send("POST", "/v1/Token",
                        VaultServerContract.card(null, PAN, "12/2030"), Map.of("Authorization", "Bearer "
                                + t.fixture().bearer(), "Content-Type", "text/plain")), 415, "794"),
                raw("vault: a body over 16 KiB", (t, c) -> c.vault("POST", "/v1/Token", t.fixture().bearer(),
                        "{\"Alias\":\"" + "x".repeat(17_000) + "\"}"), 413, "793"),
                raw("vault: no bearer token", (t, c) -> c.vault("GET", "/v1/Token/" + t.fixture().token(), null, null),
                        401, "797"),
                raw("vault: an unknown bearer token", (t, c) -> c.vault("GET", "/v1/Token/" + t.fixture().token(),
                        "not-a-token", null), 401, "797"),
                raw("vault: Basic instead of Bearer", (t, c) -> c.send("GET", "/v1/Token/" + t.fixture().token(), null,
                        Map.of("Authorization", basic("a", "b"))), 401, "797"),
                vault("a TokenReference that is not a GUID", "GET", "/v1/Token/not-a-guid", null, 422, 704),
                vault("an unknown TokenReference", "GET", "/v1/Token/" + RunningCofre.guid(), null, 404, 724),
                vault("another merchant's token", "GET", "/v1/Token/{F}", null, 404, 724),
                vault("an unknown alias", "GET", "/v1/Alias/Nobody/TokenReference", null, 404, 724),
                vault("an alias with a space in the path", "GET", "/v1/Alias/two%20words/TokenReference", null, 422, 713),
                vault("remove with an empty JSON object (a body that is present is validated)", "DELETE",
                        "/v1/Token/{T}", "{}", 422, 714),
                vault("remove by someone unknown", "DELETE", "/v1/Token/{T}",
                        "{\"RemovedBy\":\"Someone\",\"Reason\":\"Other\"}", 422, 714),
                vault("remove for an unknown reason", "DELETE", "/v1/Token/{T}",
                        "{\"RemovedBy\":\"Merchant\",\"Reason\":\"Because\"}", 422, 715),
                vault("suspend another merchant's token", "PUT", "/v1/Token/{F}/suspend",
                        VaultServerContract.SEED_CHANGE, 404, 724),
                vault("suspend a removed token", "PUT", "/v1/Token/{R}/suspend", VaultServerContract.SEED_CHANGE,
                        409, 761),
                vault("reactivate a removed token", "PUT", "/v1/Token/{R}/reactivate", null, 409, 761),
                vault("an unknown action on a token", "PUT", "/v1/Token/{T}/explode", null, 404, 795),
                vault("PATCH on a token", "PATCH", "/v1/Token/{T}", "{}", 405, 796),
                vault("an unknown path", "GET", "/v1/Cards", null, 404, 795),
                raw("vault: an Idempotency-Key of 300 characters", (t, c) -> c.send("POST", "/v1/Token",
                        VaultServerContract.card(null, PAN, "12/2030"), Map.of("Authorization", "Bearer "
                                + t.fixture().bearer(), "Content-Type", "application/json",
                                "Idempotency-Key", "k".repeat(300))), 422, "719"),
                oauth("a grant type other than client_credentials", (t, c) -> c.send("POST", "/oauth2/token",
                        "grant_type=password", Map.of("Content-Type", "application/x-www-form-urlencoded",
                                "Authorization", basic(t.fixture().merchant().clientId(), "x"))), 400,
                        "unsupported_grant_type"),
                oauth("no grant type", (t, c) -> c.send("POST", "/oauth2/token", "scope=x",
                        Map.of("Content-Type", "application/x-www-form-urlencoded")), 400, "invalid_request"),
                oauth("no Authorization header", (t, c) -> c.send("POST", "/oauth2/token",
                        "grant_type=client_credentials", Map.of("Content-Type", "application/x-www-form-urlencoded")),
                        401, "invalid_client"),
                oauth("an unknown client", (t, c) -> c.token(RunningCofre.guid(), "secret"), 401, "invalid_client"),
                oauth("a JSON body", (t, c) -> c.send("POST", "/oauth2/token", "{\"grant_type\":\"client_credentials\"}",
                        Map.of("Content-Type", "application/json")), 415, "invalid_request"),
                justClick("an empty request", "SaveCreditCard", "", 400, 747),
                justClick("no MerchantKey", "SaveCreditCard", "{}", 401, 701),
                justClick("a MerchantKey that is not a GUID", "GetMaskedCreditCard",
                        "{\"MerchantKey\":\"abc\",\"JustClickKey\":\"{T}\"}", 401, 702),
                justClick("an unknown MerchantKey", "GetMaskedCreditCard",
                        "{\"MerchantKey\":\"" + RunningCofre.guid() + "\",\"JustClickKey\":\"{T}\"}", 401, 720),
                justClick("no JustClickKey", "GetMaskedCreditCard", "{\"MerchantKey\":\"{MK}\"}", 422, 703),
                justClick("a JustClickKey that is not a GUID", "GetMaskedCreditCard",
                        "{\"MerchantKey\":\"{MK}\",\"JustClickKey\":\"xyz\"}", 422, 704),
                justClick("an unknown JustClickKey", "GetMaskedCreditCard",
                        "{\"MerchantKey\":\"{MK}\",\"JustClickKey\":\"{NEW}\"}", 404, 724),
                justClick("another merchant's JustClickKey", "InvalidateCreditCard",
                        "{\"MerchantKey\":\"{MK}\",\"JustClickKey\":\"{F}\"}", 404, 724),
                justClick("a JustClickAlias the card does not hold", "GetMaskedCreditCard",
                        "{\"MerchantKey\":\"{MK}\",\"JustClickKey\":\"{T}\",\"JustClickAlias\":\"Other\"}", 404, 724),
                justClick("a card read from an address not allowed", "GetCreditCard",
                        "{\"MerchantKey\":\"{MK}\",\"JustClickKey\":\"{T}\"}", 403, 731),
                justClick("no CustomerName", "SaveCreditCard", save.replace("\"CustomerName\":\"Comprador\",", "") + "}",
                        422, 705),
                justClick("no CardHolder", "SaveCreditCard", save.replace("\"CardHolder\":\"Teste Holder\",", "") + "}",
                        422, 706),
                justClick("an invalid CardNumber", "SaveCreditCard", save.replace(PAN, "1234567890123") + "}", 422, 708),
                justClick("no CardNumber", "SaveCreditCard", save.replace("\"CardNumber\":\"" + PAN + "\",", "") + "}",
                        422, 707),
                justClick("a CardNumber as a JSON number", "SaveCreditCard",
                        save.replace("\"" + PAN + "\"", PAN) + "}", 400, 792),
                justClick("no CardExpiration", "SaveCreditCard", save.replace("\"CardExpiration\":\"03/2029\",", "") + "}",
                        422, 709),
                justClick("a CardExpiration in the wrong format", "SaveCreditCard", save.replace("03/2029", "2029/03") + "}",
                        422, 710),
                justClick("a RequestId used before", "SaveCreditCard", save.replace("{NEW}", "{USED}") + "}", 409, 735),
                justClick("a JustClickAlias another card holds", "SaveCreditCard",
                        save + ",\"JustClickAlias\":\"Held\"}", 409, 749),
                justClick("a RequestId that is not a GUID", "GetMaskedCreditCard",
                        "{\"MerchantKey\":\"{MK}\",\"JustClickKey\":\"{T}\",\"RequestId\":\"r-1\"}", 422, 716),
                justClick("no SaveCreditCardRequestId", "GetJustClickKey", "{\"MerchantKey\":\"{MK}\"}", 422, 732),
                justClick("no CustomerName and a bad CardNumber: the number is still reported", "SaveCreditCard",
                        save.replace("\"CustomerName\":\"Comprador\",", "").replace(PAN, "1234567890123") + "}",
                        422, 708),
                justClick("an unknown method", "DoSomething", "{}", 404, 795),
                raw("justclick: GET instead of POST", (t, c) -> c.send("GET", "/justclick/SaveCreditCard", null,
                        Map.of()), 405, "796"),
                raw("justclick: a body over 16 KiB", (t, c) -> c.justClick("SaveCreditCard",
                        "{\"CustomerName\":\"" + "x".repeat(17_000) + "\"}"), 413, "793"));
    }
}
