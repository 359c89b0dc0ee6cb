package dev.cofre.adapters.rest.orders;

import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.UserId;
import dev.cofre.domain.merchant.MerchantId;

/**
 * A customer's id as this API prints it: {@code cus_} and the 14 letters and digits of the
 * customer's id, whose other part (the merchant's number) the merchant's credentials already say.
 * So one customer is the same in both dialects: {@code cus_jxOV430go9fx2e} here is
 * {@code 123456789-jxOV430go9fx2e} on Mercado Pago's routes.
 */
final class CustomerIds {

    static final String PREFIX = "cus_";

    private CustomerIds() {
    }

    static String of(CustomerId id) {
        return PREFIX + id.value().substring(id.value().indexOf('-') + 1);
    }

    /** The customer id a {@code customer_id} names for this merchant; anything else is passed on, to be not found. */
    static String toCustomerId(MerchantId merchant, String customerId) {
        return customerId.startsWith(PREFIX) && customerId.substring(PREFIX.length()).matches("[0-9A-Za-z]{14}")
                ? UserId.of(merchant) + "-" + customerId.substring(PREFIX.length())
                : customerId;
    }
}
