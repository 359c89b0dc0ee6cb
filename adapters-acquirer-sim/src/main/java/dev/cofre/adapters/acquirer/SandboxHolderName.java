package dev.cofre.adapters.acquirer;

import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.AcquirerFields;
import java.util.Locale;
import java.util.Optional;

/**
 * Mercado Pago's sandbox convention (the README's test-card table): the card holder's name alone decides
 * an authorization's answer, whatever the card number. A holder with any other name leaves the decision
 * to the number ({@link TestCard}). Return codes are the Brazilian acquirers' ones the Mercado Pago dialect
 * maps to its {@code status_detail}.
 */
enum SandboxHolderName {
    APRO("00", "Transação autorizada com sucesso"),
    OTHE("05", "Transação não autorizada"),
    CONT("PE", "Transação pendente"),
    CALL("01", "Transação referida: ligue para o emissor"),
    FUND("51", "Saldo insuficiente"),
    SECU("N7", "Código de segurança inválido"),
    EXPI("54", "Cartão vencido"),
    FORM("12", "Dados do cartão inválidos");

    private final String returnCode;
    private final String message;

    SandboxHolderName(String returnCode, String message) {
        this.returnCode = returnCode;
        this.message = message;
    }

    /** The convention's name the holder carries, ignoring case and surrounding blanks. */
    static Optional<SandboxHolderName> of(CardHolder holder) {
        String name = holder.name().strip().toUpperCase(Locale.ROOT);
        for (SandboxHolderName candidate : values()) {
            if (candidate.name().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    String returnCode() {
        return returnCode;
    }

    String message() {
        return message;
    }

    /** The answer to an authorization by a holder with this name. */
    AcquirerAnswer answer(AcquirerFields fields) {
        return switch (this) {
            case APRO -> new AcquirerAnswer.Approved(fields);
            case CONT -> new AcquirerAnswer.Pending(fields);
            default -> new AcquirerAnswer.Declined(returnCode, message, fields);
        };
    }
}
