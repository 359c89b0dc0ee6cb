package dev.cofre.adapters.acquirer;

import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.AcquirerFields;
import dev.cofre.domain.charge.OperationType;
import dev.cofre.domain.charge.TransactionId;
import java.util.Optional;

/**
 * The Cielo E-commerce 3.0 sandbox's test cards (the README's test-card table): the card's last digit
 * decides the authorization's answer, with the vendor's return codes. Only cards of the range
 * {@value #RANGE} (the BIN of the vendor's own sandbox example, 4024.0071.5376.3191) follow it, so the
 * simulator's other test cards, and every card tests and seed examples already use (4551870000000183
 * ends in 3), keep their answers.
 */
final class CieloSandboxCards {

    static final String RANGE = "40240071";

    /** The answer a sandbox card gets: approved, or declined with the vendor's return code. */
    record Outcome(boolean approved, String returnCode, String message) {

        AcquirerAnswer answer(AcquirerFields fields) {
            return approved ? new AcquirerAnswer.Approved(fields)
                    : new AcquirerAnswer.Declined(returnCode, message, fields);
        }
    }

    private CieloSandboxCards() {
    }

    /**
     * The outcome for a card of the sandbox range; none for any other card. Final digit 9 is the vendor's
     * "random" one: decided here by the operation's id, so the same operation always gets the same answer.
     */
    static Optional<Outcome> of(String digits, OperationType type, TransactionId operation) {
        if (!digits.startsWith(RANGE)) {
            return Optional.empty();
        }
        var approved = new Outcome(true, type == OperationType.AUTH_AND_CAPTURE ? "6" : "4", "Operation Successful");
        var timeout = new Outcome(false, "99", "Time Out");
        return Optional.of(switch (digits.charAt(digits.length() - 1)) {
            case '0', '1', '4' -> approved;
            case '2' -> new Outcome(false, "05", "Not Authorized");
            case '3' -> new Outcome(false, "57", "Card Expired");
            case '5' -> new Outcome(false, "78", "Blocked Card");
            case '6' -> timeout;
            case '7' -> new Outcome(false, "77", "Card Canceled");
            case '8' -> new Outcome(false, "70", "Problems with the Credit Card");
            default -> (operation.value().hashCode() & 1) == 0 ? approved : timeout;
        });
    }
}
