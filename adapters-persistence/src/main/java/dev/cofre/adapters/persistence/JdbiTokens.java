package dev.cofre.adapters.persistence;

import dev.cofre.domain.card.Brand;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.MaskedPan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ActiveToken;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.AliasAssociation;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Fingerprint;
import dev.cofre.domain.token.RemovedToken;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.SealedPans;
import dev.cofre.domain.token.StatusChange;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenCustomer;
import dev.cofre.domain.token.TokenDetails;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.TokenStatus;
import dev.cofre.domain.token.Tokens;
import dev.cofre.domain.token.VaultError;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Tokens and their sealed numbers, one row each. The masked card (BIN, last four, length, brand)
 * is kept in clear, the number only sealed; saving a REMOVED token sets the sealed columns to NULL
 * in the same UPDATE. A partial unique index keeps one non-removed token per (merchant, alias).
 */
final class JdbiTokens implements Tokens, SealedPans {

    private static final String TOKEN_COLUMNS = "reference, merchant_id, alias, customer_name, customer_identification,"
            + " bin, last_four, pan_length, brand, holder, expiry_year, expiry_month, fingerprint, status,"
            + " changed_to, changed_by, change_reason, changed_at, created_at, updated_at, version";

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiTokens(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    /** The insert of {@link #add}, in plain JDBC (the durable write path's hottest statement). */
    private static final String INSERT = "INSERT INTO tokens (" + TOKEN_COLUMNS + ", kek_version, wrapped_key, ciphertext)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            // Any unique index: the alias one is the expected collision; see below for the other.
            + " ON CONFLICT DO NOTHING";
    private static final String BY_REFERENCE = "SELECT " + TOKEN_COLUMNS + " FROM tokens WHERE reference = ? AND merchant_id = ?";
    private static final String BY_ALIAS = "SELECT " + TOKEN_COLUMNS + " FROM tokens"
            + " WHERE merchant_id = ? AND alias = ? AND status <> 'REMOVED'";

    @Override
    public Either<VaultError, ActiveToken> add(ActiveToken token, SealedPan sealedPan) {
        return sessions.write(h -> {
            int inserted = sessions.writePrepared(INSERT, insert -> {
                Option<StatusChange> change = token.lastChange();
                Statements.bind(insert, dialect.uuid(token.reference().value()), dialect.uuid(token.merchant().value()),
                        token.alias().map(Alias::value).getOrNull(),
                        token.customer().map(TokenCustomer::name).getOrNull(),
                        token.customer().flatMap(TokenCustomer::identification).getOrNull(),
                        token.card().bin(), token.card().lastFour(), token.card().length(), token.card().brand().name(),
                        token.holder().name(), token.expiry().month().getYear(), token.expiry().month().getMonthValue(),
                        token.fingerprint().hex(), token.status().name(),
                        change.map(c -> c.to().name()).getOrNull(), change.map(c -> c.by().name()).getOrNull(),
                        change.map(c -> c.reason().name()).getOrNull(), change.map(c -> dialect.instant(c.at())).getOrNull(),
                        dialect.instant(token.createdAt()), dialect.instant(token.updatedAt()), token.version(),
                        sealedPan.kekVersion(), sealedPan.wrappedKey(), sealedPan.ciphertext());
                return insert.executeUpdate();
            });
            if (inserted == 1) {
                return Either.right(token);
            }
            boolean referenceTaken = h.createQuery("SELECT count(*) FROM tokens WHERE reference = :reference")
                    .bind("reference", dialect.uuid(token.reference().value()))
                    .mapTo(Long.class).one() > 0;
            if (referenceTaken || token.alias().isEmpty()) {
                throw new IllegalStateException("token reference " + token.reference() + " exists already");
            }
            return Either.left(new VaultError.AliasInUse(token.alias().get()));
        });
    }

    @Override
    public Option<Token> find(MerchantId merchant, TokenReference reference) {
        return sessions.readPrepared(BY_REFERENCE, query -> {
            Statements.bind(query, dialect.uuid(reference.value()), dialect.uuid(merchant.value()));
            return one(query);
        });
    }

    @Override
    public Option<Token> findByAlias(MerchantId merchant, Alias alias) {
        return sessions.readPrepared(BY_ALIAS, query -> {
            Statements.bind(query, dialect.uuid(merchant.value()), alias.value());
            return one(query);
        });
    }

    /** The one token a query by a unique key finds, if any; closes the result set (see {@link Sessions#readPrepared}). */
    private Option<Token> one(java.sql.PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? Option.some(token(rs)) : Option.none();
        }
    }

    @Override
    public Option<SealedPan> sealedPan(MerchantId merchant, TokenReference reference) {
        return sessions.read(h -> Option.ofOptional(
                h.createQuery("SELECT kek_version, wrapped_key, ciphertext FROM tokens"
                                + " WHERE reference = :reference AND merchant_id = :merchant AND ciphertext IS NOT NULL")
                        .bind("reference", dialect.uuid(reference.value()))
                        .bind("merchant", dialect.uuid(merchant.value()))
                        .map((rs, ctx) -> sealed(rs))
                        .findOne()));
    }

    @Override
    public Either<VaultError, Token> update(Token changed) {
        return sessions.write(h -> {
            if (changed.holdsAlias()) {
                var holder = findByAlias(changed.merchant(), changed.alias().get());
                if (holder.exists(t -> !t.reference().equals(changed.reference()))) {
                    return Either.left(new VaultError.AliasInUse(changed.alias().get()));
                }
            }
            boolean removal = changed instanceof RemovedToken;
            var update = h.createUpdate("UPDATE tokens SET alias = :alias, customer_name = :customer_name,"
                    + " customer_identification = :customer_identification, holder = :holder,"
                    + " expiry_year = :expiry_year, expiry_month = :expiry_month, status = :status,"
                    + " changed_to = :changed_to, changed_by = :changed_by, change_reason = :change_reason,"
                    + " changed_at = :changed_at, updated_at = :updated_at, version = :version"
                    // Removal destroys the sealed number in the same statement that records it.
                    + (removal ? ", kek_version = NULL, wrapped_key = NULL, ciphertext = NULL" : "")
                    + " WHERE reference = :reference AND merchant_id = :merchant_id AND version = :expected_version");
            bindToken(update, changed);
            update.bind("expected_version", changed.version() - 1);
            if (update.execute() == 1) {
                return Either.right(changed);
            }
            return find(changed.merchant(), changed.reference()).isDefined()
                    ? Either.left(new VaultError.ConcurrentUpdate())
                    : Either.left(new VaultError.TokenNotFound());
        });
    }

    @Override
    public List<AliasAssociation> aliasHistory(MerchantId merchant, Alias alias) {
        return sessions.read(h -> List.ofAll(
                h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM tokens WHERE merchant_id = :merchant AND alias = :alias ORDER BY seq")
                        .bind("merchant", dialect.uuid(merchant.value()))
                        .bind("alias", alias.value())
                        .map((rs, ctx) -> token(rs))
                        .list())
                .map(AliasAssociation::of));
    }

    @Override
    public List<Stored> wrappedBefore(int version, int limit) {
        return sessions.read(h -> List.ofAll(
                h.createQuery("SELECT merchant_id, reference, kek_version, wrapped_key, ciphertext FROM tokens"
                                + " WHERE kek_version < :version ORDER BY seq LIMIT :limit")
                        .bind("version", version)
                        .bind("limit", limit)
                        .map((rs, ctx) -> new Stored(new MerchantId(SqlDialect.uuid(rs, "merchant_id")),
                                new TokenReference(SqlDialect.uuid(rs, "reference")), sealed(rs)))
                        .list()));
    }

    @Override
    public long countWrappedBefore(int version) {
        return sessions.read(h -> h.createQuery("SELECT count(*) FROM tokens WHERE kek_version < :version")
                .bind("version", version)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public boolean replace(Stored expected, SealedPan rewrapped) {
        return sessions.write(h -> h.createUpdate("UPDATE tokens"
                        + " SET kek_version = :new_kek_version, wrapped_key = :new_wrapped_key, ciphertext = :new_ciphertext"
                        + " WHERE reference = :reference AND merchant_id = :merchant"
                        + " AND kek_version = :kek_version AND wrapped_key = :wrapped_key AND ciphertext = :ciphertext")
                .bind("new_kek_version", rewrapped.kekVersion())
                .bind("new_wrapped_key", rewrapped.wrappedKey())
                .bind("new_ciphertext", rewrapped.ciphertext())
                .bind("reference", dialect.uuid(expected.reference().value()))
                .bind("merchant", dialect.uuid(expected.merchant().value()))
                .bind("kek_version", expected.sealed().kekVersion())
                .bind("wrapped_key", expected.sealed().wrappedKey())
                .bind("ciphertext", expected.sealed().ciphertext())
                .execute() == 1);
    }

    private void bindToken(SqlStatement<?> statement, Token token) {
        Option<StatusChange> change = token.lastChange();
        statement.bind("reference", dialect.uuid(token.reference().value()))
                .bind("merchant_id", dialect.uuid(token.merchant().value()))
                .bind("alias", token.alias().map(Alias::value).getOrNull())
                .bind("customer_name", token.customer().map(TokenCustomer::name).getOrNull())
                .bind("customer_identification", token.customer().flatMap(TokenCustomer::identification).getOrNull())
                .bind("bin", token.card().bin())
                .bind("last_four", token.card().lastFour())
                .bind("pan_length", token.card().length())
                .bind("brand", token.card().brand().name())
                .bind("holder", token.holder().name())
                .bind("expiry_year", token.expiry().month().getYear())
                .bind("expiry_month", token.expiry().month().getMonthValue())
                .bind("fingerprint", token.fingerprint().hex())
                .bind("status", token.status().name())
                .bind("changed_to", change.map(c -> c.to().name()).getOrNull())
                .bind("changed_by", change.map(c -> c.by().name()).getOrNull())
                .bind("change_reason", change.map(c -> c.reason().name()).getOrNull())
                .bind("created_at", dialect.instant(token.createdAt()))
                .bind("updated_at", dialect.instant(token.updatedAt()))
                .bind("version", token.version());
        if (change.isDefined()) {
            statement.bind("changed_at", dialect.instant(change.get().at()));
        } else {
            statement.bindNull("changed_at", Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private Token token(ResultSet rs) throws SQLException {
        Option<Alias> alias = Option.of(rs.getString("alias")).map(Alias::new);
        String customerName = rs.getString("customer_name");
        Option<String> identification = Option.of(rs.getString("customer_identification"));
        Option<TokenCustomer> customer = Option.of(customerName).map(name -> new TokenCustomer(name, identification));
        var card = new MaskedPan(rs.getString("bin"), rs.getString("last_four"), rs.getInt("pan_length"),
                Brand.valueOf(rs.getString("brand")));
        Option<StatusChange> change = Option.none();
        String changedTo = rs.getString("changed_to");
        if (changedTo != null) {
            change = Option.some(new StatusChange(TokenStatus.valueOf(changedTo),
                    ChangedBy.valueOf(rs.getString("changed_by")), ChangeReason.valueOf(rs.getString("change_reason")),
                    dialect.instant(rs, "changed_at")));
        }
        var details = new TokenDetails(new TokenReference(SqlDialect.uuid(rs, "reference")),
                new MerchantId(SqlDialect.uuid(rs, "merchant_id")), alias, customer, card, new CardHolder(rs.getString("holder")),
                CardExpiry.of(rs.getInt("expiry_year"), rs.getInt("expiry_month")),
                new Fingerprint(rs.getString("fingerprint")), dialect.instant(rs, "created_at"));
        // The status column names the state type; a suspended or removed row always has its change.
        return Token.restore(details, TokenStatus.valueOf(rs.getString("status")), change,
                dialect.instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static SealedPan sealed(ResultSet rs) throws SQLException {
        return new SealedPan(rs.getInt("kek_version"), rs.getBytes("wrapped_key"), rs.getBytes("ciphertext"));
    }
}
