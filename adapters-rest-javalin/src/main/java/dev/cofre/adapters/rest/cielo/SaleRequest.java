package dev.cofre.adapters.rest.cielo;

import static dev.cofre.adapters.rest.cielo.CieloFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CardInput;
import dev.cofre.domain.charge.CreditCardPayment;
import io.vavr.collection.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /1/sales/} read into a charge command: MerchantOrderId is the order's one item, Payment.Amount
 * its amount in cents, Capture picks auth_and_capture (true) or auth_only (false, the vendor's default),
 * SoftDescriptor is the statement descriptor and Customer.Name is kept in the charge's metadata. The card is
 * either presented (CardNumber, Holder, ExpirationDate MM/yyyy, SecurityCode, Brand, SaveCard) or a saved one
 * (CardToken, the vault token, with an optional SecurityCode).
 */
final class SaleRequest {

    /** The metadata key the buyer's name is kept under. */
    static final String CUSTOMER_NAME_KEY = "Customer.Name";
    private static final Pattern EXPIRY = Pattern.compile("(\\d{1,2})/(\\d{4}|\\d{2})");

    /** The command as read (a field of the wrong type is absent from it), SaveCard, and what was wrong. */
    record Parsed(AuthorizeCharge.Command command, boolean saveCard, List<Problem> problems) {
    }

    private SaleRequest() {
    }

    /** {@code body}: a JSON object. */
    static Parsed parse(JsonNode body, String idempotencyKey) {
        var r = new Reader();
        String orderId = r.longest(r.text(body, MERCHANT_ORDER_ID, true), MERCHANT_ORDER_ID, 50);
        JsonNode customer = r.object(body, CUSTOMER, false);
        String customerName = customer == null ? null : r.longest(r.text(customer, CUSTOMER_NAME, false), CUSTOMER_NAME, 255);
        JsonNode payment = r.object(body, PAYMENT, true);
        Long amount = null;
        Long installments = null;
        String softDescriptor = null;
        boolean capture = false;
        boolean saveCard = false;
        CardInput card = null;
        if (payment != null) {
            String type = r.text(payment, TYPE, true);
            if (type != null && !type.equalsIgnoreCase("CreditCard")) {
                r.add(TYPE.invalid("must be CreditCard"));
            }
            amount = r.number(payment, AMOUNT, true);
            if (amount != null && amount <= 0) {
                r.add(AMOUNT.invalid("must be greater than zero"));
            }
            installments = r.number(payment, INSTALLMENTS, false);
            if (installments != null && (installments < 1 || installments > 99)) {
                r.add(INSTALLMENTS.invalid("must be between 1 and 99"));
                installments = null;
            }
            softDescriptor = r.longest(r.text(payment, SOFT_DESCRIPTOR, false), SOFT_DESCRIPTOR, 13);
            capture = r.flag(payment, CAPTURE);
            JsonNode creditCard = r.object(payment, CREDIT_CARD, true);
            if (creditCard != null) {
                saveCard = r.flag(creditCard, SAVE_CARD);
                card = card(r, creditCard);
            }
        }
        Map<String, String> metadata = customerName == null ? null : Map.of(CUSTOMER_NAME_KEY, customerName);
        var command = new AuthorizeCharge.Command(idempotencyKey,
                java.util.List.of(new AuthorizeCharge.Item(orderId, amount, 1)), card,
                new CreditCardPayment.Fields(capture ? "auth_and_capture" : "auth_only",
                        installments == null ? 1 : installments.intValue(),
                        softDescriptor, null, null, null, null, metadata, null));
        return new Parsed(command, saveCard, r.problems);
    }

    /** A presented card or a saved one (CardToken); both at once is refused. */
    private static CardInput card(Reader r, JsonNode cc) {
        CieloDialect.checkBrand(r, cc, BRAND);
        String token = r.text(cc, CARD_TOKEN, false);
        if (token != null) {
            if (Reader.get(cc, "CardNumber") != null) {
                r.add(CARD_TOKEN.invalid("cannot be sent with a CardNumber"));
            }
            return new CardInput.VaultedCard(token, r.text(cc, SECURITY_CODE, false));
        }
        String number = r.text(cc, CARD_NUMBER, true);
        String holder = r.text(cc, HOLDER, true);
        String expiration = r.text(cc, EXPIRATION, true);
        String securityCode = r.text(cc, SECURITY_CODE, true);
        Integer month = null;
        Integer year = null;
        if (expiration != null) {
            var m = EXPIRY.matcher(expiration.trim());
            if (m.matches()) {
                month = Integer.parseInt(m.group(1));
                year = Integer.parseInt(m.group(2));
            } else {
                r.add(EXPIRATION.invalid("must be MM/yyyy"));
            }
        }
        return new CardInput.PresentedCard(number, holder, month, year, securityCode);
    }
}
