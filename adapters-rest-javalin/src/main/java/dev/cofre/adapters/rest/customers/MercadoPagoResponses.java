package dev.cofre.adapters.rest.customers;

import dev.cofre.application.customer.SearchCustomers;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.customer.Address;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerAccount;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.customer.Phone;
import dev.cofre.domain.customer.UserId;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 000's response shapes, snake_case, with every field the vendor prints (null when Cofre has
 * no value, as the vendor prints it). Dates carry an offset, as the vendor's do and as its Java SDK
 * requires; they are printed in Brasília time.
 */
final class MercadoPagoResponses {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final ZoneOffset BRASILIA = ZoneOffset.ofHours(-3);
    /** Seed 000's logo addresses: the thumbnail on the image host, the secure one on the vendor's site. */
    private static final String THUMBNAIL = "http://img.mlstatic.com/org-img/MP3/API/logos/";
    private static final String SECURE_THUMBNAIL = "https://www.mercadopago.com/org-img/MP3/API/logos/";

    private MercadoPagoResponses() {
    }

    static String date(Instant at) {
        return DATE.format(at.atOffset(BRASILIA));
    }

    static Map<String, Object> customer(CustomerAccount account) {
        Customer c = account.customer();
        var p = c.profile();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", c.id().value());
        body.put("email", p.email().value());
        body.put("first_name", p.firstName().getOrNull());
        body.put("last_name", p.lastName().getOrNull());
        body.put("phone", fields("area_code", p.phone().flatMap(Phone::areaCode).getOrNull(),
                "number", p.phone().flatMap(Phone::number).getOrNull()));
        body.put("identification", identification(p.identification()));
        var address = new LinkedHashMap<String, Object>();
        address.put("id", null);
        address.put("zip_code", p.address().flatMap(Address::zipCode).getOrNull());
        address.put("street_name", p.address().flatMap(Address::streetName).getOrNull());
        address.put("street_number", p.address().flatMap(Address::streetNumber).getOrNull());
        body.put("address", address);
        body.put("addresses", java.util.List.of());
        body.put("description", p.description().getOrNull());
        body.put("date_created", date(c.createdAt()));
        body.put("date_last_updated", date(c.updatedAt()));
        body.put("date_registered", p.registeredAt().map(MercadoPagoResponses::date).getOrNull());
        body.put("default_card", c.defaultCard().map(id -> id.value()).getOrNull());
        body.put("default_address", null);
        body.put("cards", account.cards().map(MercadoPagoResponses::card).toJavaList());
        body.put("metadata", p.metadata().entries().toJavaMap());
        body.put("live_mode", false);
        return body;
    }

    static Map<String, Object> card(CustomerCard card) {
        var token = card.token();
        var masked = token.card();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", card.id().value());
        body.put("expiration_month", token.expiry().month().getMonthValue());
        body.put("expiration_year", token.expiry().month().getYear());
        body.put("first_six_digits", masked.bin().substring(0, Math.min(6, masked.bin().length())));
        body.put("last_four_digits", masked.lastFour());
        body.put("payment_method", paymentMethod(masked.brand()));
        body.put("security_code", fields("length", masked.brand().securityCodeLength(),
                "card_location", masked.brand() == Brand.AMEX ? "front" : "back"));
        body.put("issuer", fields("id", issuerId(masked.brand()), "name", issuerName(masked.brand())));
        body.put("cardholder", fields("name", token.holder().name(),
                "identification", identification(card.saved().holderIdentification())));
        body.put("date_created", date(card.saved().createdAt()));
        body.put("date_last_updated", date(token.updatedAt()));
        body.put("customer_id", card.saved().customer().value());
        body.put("user_id", UserId.of(card.saved().merchant()));
        body.put("live_mode", false);
        return body;
    }

    static Map<String, Object> cardToken(MaskedCardToken token, Instant now) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", token.id().value());
        if (token.savedCard().isDefined()) {
            body.put("card_id", token.savedCard().get().value());
        }
        body.put("status", switch (token.status(now)) {
            case ACTIVE -> "active";
            case SPENT -> "used";
            case EXPIRED -> "expired";
        });
        body.put("date_created", date(token.createdAt()));
        body.put("date_last_updated", date(token.spentAt().getOrElse(token.createdAt())));
        body.put("date_due", date(token.expiresAt()));
        body.put("luhn_validation", true);
        body.put("live_mode", false);
        body.put("require_esc", false);
        body.put("first_six_digits", token.card().bin().substring(0, Math.min(6, token.card().bin().length())));
        body.put("last_four_digits", token.card().lastFour());
        body.put("card_number_length", token.card().length());
        body.put("security_code_length", token.securityCodeLength());
        body.put("expiration_month", token.expiry().month().getMonthValue());
        body.put("expiration_year", token.expiry().month().getYear());
        body.put("cardholder", fields("name", token.holder().name(),
                "identification", identification(token.holderIdentification())));
        return body;
    }

    static Map<String, Object> page(SearchCustomers.Result result) {
        var body = new LinkedHashMap<String, Object>();
        body.put("paging", fields("limit", result.limit(), "offset", result.offset(), "total", result.total()));
        body.put("results", result.results().map(MercadoPagoResponses::customer).toJavaList());
        return body;
    }

    private static Map<String, Object> identification(Option<Identification> identification) {
        return fields("number", identification.map(Identification::number).getOrNull(),
                "type", identification.map(Identification::type).getOrNull());
    }

    /** The vendor's payment method ids: visa, master, amex, elo, hipercard, diners, ... */
    private static Map<String, Object> paymentMethod(Brand brand) {
        String id = paymentMethodId(brand);
        return fields("id", id, "name", id, "payment_type_id", "credit_card",
                "thumbnail", THUMBNAIL + id + ".gif", "secure_thumbnail", SECURE_THUMBNAIL + id + ".gif");
    }

    /** The vendor's payment method id of a brand: visa, master, amex, elo, ... */
    static String paymentMethodId(Brand brand) {
        return switch (brand) {
            case MASTERCARD -> "master";
            case UNKNOWN -> "unknown";
            default -> brand.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Seed 000's Mastercard is issuer 3; the other brands' ids are Cofre's own, one per brand. */
    static Integer issuerId(Brand brand) {
        return switch (brand) {
            case MASTERCARD -> 3;
            case AURA -> Brand.MASTERCARD.ordinal() + 1; // the id Mastercard's place would have given
            default -> brand.ordinal() + 1;
        };
    }

    static String issuerName(Brand brand) {
        return brand == Brand.MASTERCARD ? "Mastercard" : brand.displayName();
    }

    static Map<String, Object> fields(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
