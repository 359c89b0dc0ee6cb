/**
 * The card vault and charge domain. A named module so that {@link dev.cofre.domain.DomainError} can be
 * sealed over error families in several packages (JLS 8.1.6 allows that only inside a named module).
 * At run time the jar may equally sit on the class path: the JVM checks a sealed type's subtypes
 * only for being in the same run-time module (JVMS 5.3.5), which the whole class path is.
 */
module dev.cofre.domain {
    requires transitive io.vavr;

    exports dev.cofre.domain;
    exports dev.cofre.domain.audit;
    exports dev.cofre.domain.card;
    exports dev.cofre.domain.charge;
    exports dev.cofre.domain.customer;
    exports dev.cofre.domain.idempotency;
    exports dev.cofre.domain.key;
    exports dev.cofre.domain.merchant;
    exports dev.cofre.domain.token;
}
