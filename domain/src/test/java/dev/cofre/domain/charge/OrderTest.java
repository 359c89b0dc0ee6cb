package dev.cofre.domain.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final MerchantId MERCHANT = new MerchantId(UUID.randomUUID());

    @Test
    void anOrdersAmountIsTheSumOfItsItemsTimesTheirQuantities() {
        var order = Order.of(new OrderId("or_1"), MERCHANT, List.of(
                new OrderItem("Chaveiro do Tesseract", Amount.of(2990), 1),
                new OrderItem("Escudo", Amount.of(1000), 3)), Instant.now());
        assertEquals(Amount.of(5990), order.get().amount());
    }

    @Test
    void anOrderWhoseSumOverflowsIsRefusedInsteadOfWrappingAround() {
        var order = Order.of(new OrderId("or_1"), MERCHANT, List.of(
                new OrderItem("a", Amount.of(Long.MAX_VALUE / 2), 2),
                new OrderItem("b", Amount.of(Long.MAX_VALUE / 2), 1)), Instant.now());
        assertTrue(order.isLeft());
        assertEquals("items", order.getLeft().errors().head().field());
        var product = Order.of(new OrderId("or_1"), MERCHANT, List.of(
                new OrderItem("a", Amount.of(Long.MAX_VALUE / 2), 3)), Instant.now());
        assertTrue(product.isLeft());
    }

    @Test
    void anOrderOfNothingIsRefused() {
        assertTrue(Order.of(new OrderId("or_1"), MERCHANT, List.empty(), Instant.now()).isLeft());
        assertTrue(Order.of(new OrderId("or_1"), MERCHANT, List.of(new OrderItem("free", Amount.ZERO, 1)),
                Instant.now()).isLeft());
    }
}
