package dev.cofre.adapters.persistence;

import dev.cofre.domain.key.ExpectedKeys;
import dev.cofre.domain.key.KeyChecks;
import io.vavr.Tuple;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;

/** The check values of the keys the database's sealed cards need, one row per key name. */
final class JdbiExpectedKeys implements ExpectedKeys {

    private final Sessions sessions;

    JdbiExpectedKeys(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public KeyChecks recorded() {
        return sessions.read(h -> new KeyChecks(TreeMap.ofEntries(
                h.createQuery("SELECT name, check_value FROM expected_keys")
                        .map((rs, ctx) -> Tuple.of(rs.getString("name"), rs.getString("check_value")))
                        .list())));
    }

    @Override
    public void record(KeyChecks checks) {
        sessions.write(h -> {
            checks.byName().forEach((name, value) -> h.createUpdate(
                            "INSERT INTO expected_keys (name, check_value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name)
                    .bind("value", value)
                    .execute());
            return null;
        });
    }

    @Override
    public void forget(Seq<String> names) {
        sessions.write(h -> {
            names.forEach(name -> h.createUpdate("DELETE FROM expected_keys WHERE name = :name").bind("name", name).execute());
            return null;
        });
    }

    @Override
    public boolean holdsSealedCards() {
        return sessions.read(h -> h.createQuery(
                        "SELECT count(*) FROM (SELECT 1 FROM tokens WHERE ciphertext IS NOT NULL LIMIT 1) AS one")
                .mapTo(Long.class).one() > 0);
    }
}
