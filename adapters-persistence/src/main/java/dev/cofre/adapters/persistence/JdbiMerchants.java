package dev.cofre.adapters.persistence;

import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantCredentials;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.Profile;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Merchants with their hashed credentials, one row each. The allow-listed IP ranges are kept as
 * space-separated CIDRs.
 */
final class JdbiMerchants implements Merchants {

    private static final String MERCHANT_COLUMNS =
            "id, name, profile, allowed_ips, pre_auth_enabled, cvv_less_recurrence, created_at";
    private static final String CREDENTIAL_COLUMNS = "id, client_id, client_secret_hash, just_click_key_hash";

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiMerchants(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public void add(Merchant merchant, MerchantCredentials credentials) {
        if (!credentials.merchant().equals(merchant.id())) {
            throw new IllegalArgumentException("credentials of another merchant");
        }
        int inserted = sessions.write(h -> h.createUpdate("INSERT INTO merchants (" + MERCHANT_COLUMNS
                        + ", client_id, client_secret_hash, just_click_key_hash) VALUES (:id, :name, :profile, :allowed_ips,"
                        + " :pre_auth_enabled, :cvv_less_recurrence, :created_at, :client_id, :client_secret_hash,"
                        + " :just_click_key_hash) ON CONFLICT DO NOTHING")
                .bind("id", dialect.uuid(merchant.id().value()))
                .bind("name", merchant.name())
                .bind("profile", merchant.profile().name())
                .bind("allowed_ips", merchant.allowedIps().map(IpRange::cidr).mkString(" "))
                .bind("pre_auth_enabled", merchant.features().preAuthEnabled())
                .bind("cvv_less_recurrence", merchant.features().cvvLessRecurrence())
                .bind("created_at", dialect.instant(merchant.createdAt()))
                .bind("client_id", credentials.clientId())
                .bind("client_secret_hash", credentials.clientSecret().hex())
                .bind("just_click_key_hash", credentials.justClickKey().hex())
                .execute());
        if (inserted == 0) {
            throw new IllegalStateException("merchant " + merchant.id() + " or its client id exists already");
        }
    }

    @Override
    public Option<Merchant> find(MerchantId id) {
        return sessions.read(h -> Option.ofOptional(
                h.createQuery("SELECT " + MERCHANT_COLUMNS + " FROM merchants WHERE id = :id")
                        .bind("id", dialect.uuid(id.value()))
                        .map((rs, ctx) -> merchant(rs))
                        .findOne()));
    }

    @Override
    public Option<Merchant> findEnabled(MerchantId id) {
        return sessions.read(h -> Option.ofOptional(
                h.createQuery("SELECT " + MERCHANT_COLUMNS + " FROM merchants WHERE id = :id AND NOT disabled")
                        .bind("id", dialect.uuid(id.value()))
                        .map((rs, ctx) -> merchant(rs))
                        .findOne()));
    }

    @Override
    public boolean setDisabled(MerchantId id, boolean disabled) {
        return update("disabled", disabled, id);
    }

    @Override
    public boolean replaceClientSecret(MerchantId id, SecretHash clientSecret) {
        return update("client_secret_hash", clientSecret.hex(), id);
    }

    @Override
    public boolean replaceJustClickKey(MerchantId id, SecretHash justClickKey) {
        return update("just_click_key_hash", justClickKey.hex(), id);
    }

    /** {@code column} is one of this class's constants, never input. */
    private boolean update(String column, Object value, MerchantId id) {
        return sessions.write(h -> h.createUpdate("UPDATE merchants SET " + column + " = :value WHERE id = :id")
                .bind("value", value)
                .bind("id", dialect.uuid(id.value()))
                .execute()) == 1;
    }

    @Override
    public Option<MerchantCredentials> credentialsOf(MerchantId id) {
        return credentialsWhere("id", dialect.uuid(id.value()));
    }

    @Override
    public Option<MerchantCredentials> findByClientId(String clientId) {
        return credentialsWhere("client_id", clientId);
    }

    @Override
    public Option<MerchantCredentials> findByJustClickKey(SecretHash justClickKey) {
        return credentialsWhere("just_click_key_hash", justClickKey.hex());
    }

    @Override
    public List<Merchant> all() {
        return sessions.read(h -> List.ofAll(
                h.createQuery("SELECT " + MERCHANT_COLUMNS + " FROM merchants ORDER BY seq")
                        .map((rs, ctx) -> merchant(rs))
                        .list()));
    }

    @Override
    public boolean isEmpty() {
        return sessions.read(h -> h.createQuery("SELECT count(*) FROM (SELECT 1 FROM merchants LIMIT 1) AS one")
                .mapTo(Long.class).one() == 0);
    }

    /** {@code column} is one of this class's constants, never input. */
    private Option<MerchantCredentials> credentialsWhere(String column, Object value) {
        return sessions.read(h -> Option.ofOptional(
                h.createQuery("SELECT " + CREDENTIAL_COLUMNS + " FROM merchants WHERE " + column + " = :value")
                        .bind("value", value)
                        .map((rs, ctx) -> new MerchantCredentials(new MerchantId(SqlDialect.uuid(rs, "id")),
                                rs.getString("client_id"), new SecretHash(rs.getString("client_secret_hash")),
                                new SecretHash(rs.getString("just_click_key_hash"))))
                        .findOne()));
    }

    private Merchant merchant(ResultSet rs) throws SQLException {
        String ips = rs.getString("allowed_ips");
        List<IpRange> allowed = ips.isEmpty() ? List.empty()
                : List.of(ips.split(" ")).map(cidr -> IpRange.parse("allowed_ips", cidr)
                        .getOrElseThrow(e -> new IllegalStateException("stored IP range is invalid: " + e.message())));
        return new Merchant(new MerchantId(SqlDialect.uuid(rs, "id")), rs.getString("name"),
                Profile.valueOf(rs.getString("profile")), allowed,
                new Merchant.Features(rs.getBoolean("pre_auth_enabled"), rs.getBoolean("cvv_less_recurrence")),
                dialect.instant(rs, "created_at"));
    }
}
