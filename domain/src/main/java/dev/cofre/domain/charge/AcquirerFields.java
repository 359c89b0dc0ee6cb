package dev.cofre.domain.charge;

/**
 * What an acquirer says about one operation, as seed 002 prints it on a transaction:
 * acquirer_name, acquirer_tid, acquirer_nsu, acquirer_auth_code, acquirer_return_code,
 * acquirer_message.
 */
public record AcquirerFields(String name, String tid, String nsu, String authCode, String returnCode,
                             String message) {
    public AcquirerFields {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(tid, "tid");
        java.util.Objects.requireNonNull(nsu, "nsu");
        java.util.Objects.requireNonNull(authCode, "authCode");
        java.util.Objects.requireNonNull(returnCode, "returnCode");
        java.util.Objects.requireNonNull(message, "message");
    }
}
