package dev.cofre.adapters.acquirer;

import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.AcquirerFields;
import java.util.Map;
import java.util.function.Function;

/** The simulator's test cards (the README's test-card table): a card number decides the authorization's answer. */
enum TestCard {
    APPROVED("00", "Transação autorizada com sucesso"),
    DECLINED("05", "Transação não autorizada"),
    INSUFFICIENT_FUNDS("51", "Saldo insuficiente"),
    BLOCKED_CARD("57", "Transação não permitida para o cartão"),
    TIMEOUT("00", "Transação autorizada com sucesso"),
    PENDING("PE", "Transação pendente");

    private static final Map<String, TestCard> TABLE = Map.of(
            "4000000000000010", APPROVED,
            "4190000000000010", APPROVED,
            "4551870000000183", APPROVED,
            "4111111111111111", APPROVED,
            "4000000000000028", DECLINED,
            "4000000000000036", TIMEOUT,
            "4000000000000044", PENDING,
            "4000000000000051", INSUFFICIENT_FUNDS,
            "4000000000000069", BLOCKED_CARD);

    private final String returnCode;
    private final String message;

    TestCard(String returnCode, String message) {
        this.returnCode = returnCode;
        this.message = message;
    }

    /** Every card not in the table is approved. */
    static TestCard of(String digits) {
        return TABLE.getOrDefault(digits, APPROVED);
    }

    String returnCode() {
        return returnCode;
    }

    String message() {
        return message;
    }

    /**
     * The answer to an authorization with this card, as the simulator records it. A TIMEOUT card is
     * approved but answered Unknown (see {@link AcquirerSimulator}).
     */
    AcquirerAnswer answer(AcquirerFields fields) {
        Function<AcquirerFields, AcquirerAnswer> approved = AcquirerAnswer.Approved::new;
        switch (this) {
            case APPROVED:
            case TIMEOUT:
                return approved.apply(fields);
            case PENDING:
                return new AcquirerAnswer.Pending(fields);
            default:
                return new AcquirerAnswer.Declined(returnCode, message, fields);
        }
    }
}
