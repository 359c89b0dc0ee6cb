package dev.cofre.adapters.persistence;

import dev.cofre.domain.card.Brand;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.MaskedPan;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.charge.SealedCardToken;
import dev.cofre.domain.charge.StoredCardTokens;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Card tokens, one row each: the masked card in clear, the number and security code sealed. A
 * spend is one conditional UPDATE that marks the row spent and sets the sealed columns to NULL, so
 * of concurrent spends, on one server or several, exactly one changes the row.
 */
final class JdbiStoredCardTokens implements StoredCardTokens {

    private static final String COLUMNS = "id, merchant_id, bin, last_four, pan_length, brand, holder,"
            + " identification_type, identification_number, expiry_year, expiry_month, security_code_length, card_id,"
            + " created_at, expires_at, spent_at";
    private static final String SEALED = "kek_version, wrapped_key, pan_ciphertext, security_code_ciphertext";

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiStoredCardTokens(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public void add(MaskedCardToken token, SealedCardToken sealed) {
        sessions.write(h -> {
            var insert = h.createUpdate("INSERT INTO card_tokens (" + COLUMNS + ", " + SEALED + ") VALUES (:id,"
                            + " :merchant_id, :bin, :last_four, :pan_length, :brand, :holder, :identification_type,"
                            + " :identification_number, :expiry_year, :expiry_month, :security_code_length, :card_id,"
                            + " :created_at, :expires_at, :spent_at, :kek_version, :wrapped_key, :pan_ciphertext,"
                            + " :security_code_ciphertext)")
                    .bind("id", token.id().value())
                    .bind("merchant_id", dialect.uuid(token.merchant().value()))
                    .bind("bin", token.card().bin())
                    .bind("last_four", token.card().lastFour())
                    .bind("pan_length", token.card().length())
                    .bind("brand", token.card().brand().name())
                    .bind("holder", token.holder().name())
                    .bind("identification_type", token.holderIdentification().map(Identification::type).getOrNull())
                    .bind("identification_number", token.holderIdentification().map(Identification::number).getOrNull())
                    .bind("expiry_year", token.expiry().month().getYear())
                    .bind("expiry_month", token.expiry().month().getMonthValue())
                    .bind("security_code_length", token.securityCodeLength())
                    .bind("card_id", token.savedCard().map(CardId::value).getOrNull())
                    .bind("created_at", dialect.instant(token.createdAt()))
                    .bind("expires_at", dialect.instant(token.expiresAt()))
                    .bind("kek_version", sealed.kekVersion())
                    .bind("wrapped_key", sealed.wrappedKey())
                    .bind("pan_ciphertext", sealed.panCiphertext());
            if (token.spentAt().isDefined()) {
                insert.bind("spent_at", dialect.instant(token.spentAt().get()));
            } else {
                insert.bindNull("spent_at", Types.TIMESTAMP_WITH_TIMEZONE);
            }
            if (sealed.securityCodeCiphertext().isDefined()) {
                insert.bind("security_code_ciphertext", sealed.securityCodeCiphertext().get());
            } else {
                insert.bindNull("security_code_ciphertext", Types.BINARY);
            }
            return insert.execute();
        });
    }

    @Override
    public Option<MaskedCardToken> find(MerchantId merchant, CardTokenId id) {
        return sessions.read(h -> Option.ofOptional(h.createQuery("SELECT " + COLUMNS + " FROM card_tokens"
                        + " WHERE id = :id AND merchant_id = :merchant")
                .bind("id", id.value())
                .bind("merchant", dialect.uuid(merchant.value()))
                .map((rs, ctx) -> token(rs))
                .findOne()));
    }

    @Override
    public Option<SealedCardToken> sealed(MerchantId merchant, CardTokenId id) {
        return sessions.read(h -> Option.ofOptional(h.createQuery("SELECT " + SEALED + " FROM card_tokens"
                        + " WHERE id = :id AND merchant_id = :merchant AND wrapped_key IS NOT NULL")
                .bind("id", id.value())
                .bind("merchant", dialect.uuid(merchant.value()))
                .map((rs, ctx) -> sealed(rs))
                .findOne()));
    }

    @Override
    public Either<CardTokenError, Spent> spend(MerchantId merchant, CardTokenId id, Instant now) {
        return sessions.write(h -> {
            var row = h.createQuery("SELECT " + COLUMNS + ", " + SEALED + " FROM card_tokens"
                            + " WHERE id = :id AND merchant_id = :merchant")
                    .bind("id", id.value())
                    .bind("merchant", dialect.uuid(merchant.value()))
                    .map((rs, ctx) -> new Spent(token(rs), rs.getBytes("wrapped_key") == null ? null : sealed(rs)))
                    .findOne();
            if (row.isEmpty()) {
                return Either.left(new CardTokenError.NotFound());
            }
            var live = row.get().token().requireActive(now);
            if (live.isLeft() || row.get().sealed() == null) {
                return Either.left(live.isLeft() ? live.getLeft() : new CardTokenError.Spent());
            }
            // The WHERE clause decides the race: under READ COMMITTED a second spender waits for the
            // first to commit, then finds spent_at set and changes nothing.
            int spent = h.createUpdate("UPDATE card_tokens SET spent_at = :now, kek_version = NULL, wrapped_key = NULL,"
                            + " pan_ciphertext = NULL, security_code_ciphertext = NULL"
                            + " WHERE id = :id AND merchant_id = :merchant AND spent_at IS NULL AND expires_at > :now")
                    .bind("now", dialect.instant(now))
                    .bind("id", id.value())
                    .bind("merchant", dialect.uuid(merchant.value()))
                    .execute();
            return spent == 1
                    ? Either.right(new Spent(row.get().token().spent(now), row.get().sealed()))
                    : Either.left(new CardTokenError.Spent());
        });
    }

    @Override
    public int sweepExpired(Instant now) {
        return sessions.write(h -> h.createUpdate("DELETE FROM card_tokens WHERE expires_at <= :now")
                .bind("now", dialect.instant(now))
                .execute());
    }

    @Override
    public io.vavr.collection.List<Wrapped> wrappedBefore(int version, int limit) {
        return sessions.read(h -> io.vavr.collection.List.ofAll(h.createQuery("SELECT id, merchant_id, " + SEALED
                        + " FROM card_tokens WHERE wrapped_key IS NOT NULL AND kek_version < :version"
                        + " ORDER BY id LIMIT :limit")
                .bind("version", version)
                .bind("limit", limit)
                .map((rs, ctx) -> new Wrapped(new MerchantId(SqlDialect.uuid(rs, "merchant_id")),
                        new CardTokenId(rs.getString("id")), sealed(rs)))
                .list()));
    }

    @Override
    public long countWrappedBefore(int version) {
        return sessions.read(h -> h.createQuery("SELECT count(*) FROM card_tokens"
                        + " WHERE wrapped_key IS NOT NULL AND kek_version < :version")
                .bind("version", version)
                .mapTo(Long.class)
                .one());
    }

    /** A compare-and-set on the key version and wrapped key: a spent (nulled) or swept row changes nothing. */
    @Override
    public boolean replace(Wrapped expected, SealedCardToken rewrapped) {
        return sessions.write(h -> h.createUpdate("UPDATE card_tokens"
                        + " SET kek_version = :new_kek_version, wrapped_key = :new_wrapped_key"
                        + " WHERE id = :id AND merchant_id = :merchant AND spent_at IS NULL"
                        + " AND kek_version = :kek_version AND wrapped_key = :wrapped_key")
                .bind("new_kek_version", rewrapped.kekVersion())
                .bind("new_wrapped_key", rewrapped.wrappedKey())
                .bind("id", expected.id().value())
                .bind("merchant", dialect.uuid(expected.merchant().value()))
                .bind("kek_version", expected.sealed().kekVersion())
                .bind("wrapped_key", expected.sealed().wrappedKey())
                .execute() == 1);
    }

    private MaskedCardToken token(ResultSet rs) throws SQLException {
        String type = rs.getString("identification_type");
        Option<Identification> identification = type == null ? Option.none()
                : Option.some(new Identification(type, rs.getString("identification_number")));
        return new MaskedCardToken(new CardTokenId(rs.getString("id")), new MerchantId(SqlDialect.uuid(rs, "merchant_id")),
                new MaskedPan(rs.getString("bin"), rs.getString("last_four"), rs.getInt("pan_length"),
                        Brand.valueOf(rs.getString("brand"))),
                new CardHolder(rs.getString("holder")), identification,
                CardExpiry.of(rs.getInt("expiry_year"), rs.getInt("expiry_month")), rs.getInt("security_code_length"),
                Option.of(rs.getString("card_id")).map(CardId::new), dialect.instant(rs, "created_at"),
                dialect.instant(rs, "expires_at"), Option.of(dialect.instant(rs, "spent_at")));
    }

    private static SealedCardToken sealed(ResultSet rs) throws SQLException {
        return new SealedCardToken(rs.getInt("kek_version"), rs.getBytes("wrapped_key"), rs.getBytes("pan_ciphertext"),
                Option.of(rs.getBytes("security_code_ciphertext")));
    }
}
