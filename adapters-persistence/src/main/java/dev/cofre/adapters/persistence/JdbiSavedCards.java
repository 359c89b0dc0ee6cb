package dev.cofre.adapters.persistence;

import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.customer.SavedCard;
import dev.cofre.domain.customer.SavedCards;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Fingerprint;
import dev.cofre.domain.token.TokenReference;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The links between customers and the vault tokens that are their cards. Unique indexes keep one
 * card id per merchant and one card per (customer, fingerprint) across every server.
 */
final class JdbiSavedCards implements SavedCards {

    private static final String COLUMNS = "merchant_id, card_id, customer_id, token_reference, fingerprint,"
            + " identification_type, identification_number, created_at";

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiSavedCards(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public Either<CustomerError, SavedCard> add(SavedCard card) {
        return sessions.write(h -> {
            int inserted = h.createUpdate("INSERT INTO saved_cards (" + COLUMNS + ") VALUES (:merchant_id, :card_id,"
                            + " :customer_id, :token_reference, :fingerprint, :identification_type,"
                            + " :identification_number, :created_at) ON CONFLICT DO NOTHING")
                    .bind("merchant_id", dialect.uuid(card.merchant().value()))
                    .bind("card_id", card.id().value())
                    .bind("customer_id", card.customer().value())
                    .bind("token_reference", dialect.uuid(card.token().value()))
                    .bind("fingerprint", card.fingerprint().hex())
                    .bind("identification_type", card.holderIdentification().map(Identification::type).getOrNull())
                    .bind("identification_number", card.holderIdentification().map(Identification::number).getOrNull())
                    .bind("created_at", dialect.instant(card.createdAt()))
                    .execute();
            if (inserted == 1) {
                return Either.right(card);
            }
            boolean sameCard = h.createQuery("SELECT count(*) FROM saved_cards"
                            + " WHERE merchant_id = :merchant AND customer_id = :customer AND fingerprint = :fingerprint")
                    .bind("merchant", dialect.uuid(card.merchant().value()))
                    .bind("customer", card.customer().value())
                    .bind("fingerprint", card.fingerprint().hex())
                    .mapTo(Long.class).one() > 0;
            if (!sameCard) {
                throw new IllegalStateException("card id " + card.id() + " or its token is linked already");
            }
            return Either.left(new CustomerError.CardAlreadySaved());
        });
    }

    @Override
    public List<SavedCard> of(MerchantId merchant, CustomerId customer) {
        return sessions.read(h -> List.ofAll(h.createQuery("SELECT " + COLUMNS + " FROM saved_cards"
                        + " WHERE merchant_id = :merchant AND customer_id = :customer ORDER BY seq")
                .bind("merchant", dialect.uuid(merchant.value()))
                .bind("customer", customer.value())
                .map((rs, ctx) -> savedCard(rs))
                .list()));
    }

    @Override
    public Option<SavedCard> find(MerchantId merchant, CardId id) {
        return sessions.read(h -> Option.ofOptional(h.createQuery("SELECT " + COLUMNS + " FROM saved_cards"
                        + " WHERE merchant_id = :merchant AND card_id = :card_id")
                .bind("merchant", dialect.uuid(merchant.value()))
                .bind("card_id", id.value())
                .map((rs, ctx) -> savedCard(rs))
                .findOne()));
    }

    @Override
    public boolean remove(MerchantId merchant, CardId id) {
        return sessions.write(h -> h.createUpdate("DELETE FROM saved_cards WHERE merchant_id = :merchant AND card_id = :card_id")
                .bind("merchant", dialect.uuid(merchant.value()))
                .bind("card_id", id.value())
                .execute() == 1);
    }

    private SavedCard savedCard(ResultSet rs) throws SQLException {
        String type = rs.getString("identification_type");
        Option<Identification> identification = type == null ? Option.none()
                : Option.some(new Identification(type, rs.getString("identification_number")));
        return new SavedCard(new CardId(rs.getString("card_id")), new MerchantId(SqlDialect.uuid(rs, "merchant_id")),
                new CustomerId(rs.getString("customer_id")), new TokenReference(SqlDialect.uuid(rs, "token_reference")),
                new Fingerprint(rs.getString("fingerprint")), identification, dialect.instant(rs, "created_at"));
    }
}
