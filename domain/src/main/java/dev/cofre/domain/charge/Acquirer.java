package dev.cofre.domain.charge;

import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;

/**
 * The acquirer, which authorizes, captures, voids and refunds card payments. Every call names the
 * operation by its transaction id, so {@link #query} can later say what became of it. An
 * implementation answers {@link AcquirerAnswer.Unknown} rather than throw when it cannot tell.
 */
public interface Acquirer {

    AcquirerAnswer authorize(AuthorizationRequest request);

    AcquirerAnswer capture(FollowUpRequest request);

    AcquirerAnswer voidAuthorization(FollowUpRequest request);

    AcquirerAnswer refund(FollowUpRequest request);

    /** What became of an operation sent earlier; Unknown if the acquirer never heard of it. */
    AcquirerAnswer query(TransactionId operation);

    /** The card as the acquirer needs it. Its toString() masks number and code. */
    record ChargeableCard(Pan number, CardHolder holder, CardExpiry expiry, Option<SecurityCode> securityCode) {
    }

    record AuthorizationRequest(TransactionId operation, MerchantId merchant, Amount amount, OperationType type,
                                PaymentType paymentType, ChargeableCard card, int installments,
                                Option<StatementDescriptor> statementDescriptor, Option<ThreeDSecure> threeDSecure,
                                Option<Cryptogram> cryptogram) {
    }

    /** A capture, void or refund of the authorization {@code authorization}. */
    record FollowUpRequest(TransactionId operation, TransactionId authorization, MerchantId merchant, Amount amount) {
    }
}
