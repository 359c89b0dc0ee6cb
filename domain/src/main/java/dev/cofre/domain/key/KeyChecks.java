package dev.cofre.domain.key;

import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import java.util.regex.Pattern;

/**
 * A check value per secret key of the vault, by key name ({@code kek.1}, {@code kek.2},
 * {@code fingerprint}): a short one-way value that tells whether two servers hold the same key,
 * and says nothing about the key itself.
 */
public record KeyChecks(SortedMap<String, String> byName) {

    private static final Pattern NAME = Pattern.compile("kek\\.[1-9][0-9]{0,8}|fingerprint");
    private static final Pattern VALUE = Pattern.compile("[0-9a-f]{16}");

    public KeyChecks {
        byName.forEach((name, value) -> {
            if (!NAME.matcher(name).matches() || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("a key check is kek.N or fingerprint, with 16 hex digits");
            }
        });
    }

    public static final KeyChecks NONE = new KeyChecks(TreeMap.empty());

    /**
     * The checks of these keys that {@code recorded} does not hold yet and should: the fingerprint
     * key, and key-encryption keys newer than every recorded one (an older one was retired by
     * rotation and is not expected again).
     */
    public KeyChecks toRecordOver(KeyChecks recorded) {
        int newestRecorded = recorded.kekVersions().max().getOrElse(0);
        return new KeyChecks(byName.filter((name, value) -> !recorded.byName.containsKey(name)
                && (!name.startsWith("kek.") || version(name) > newestRecorded)));
    }

    /** The names of the key-encryption keys older than {@code version}. */
    public List<String> keksOlderThan(int version) {
        return kekVersions().filter(v -> v < version).map(v -> "kek." + v);
    }

    private List<Integer> kekVersions() {
        return List.ofAll(byName.keySet()).filter(name -> name.startsWith("kek.")).map(KeyChecks::version);
    }

    private static int version(String kekName) {
        return Integer.parseInt(kekName.substring("kek.".length()));
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * The names of the keys in which these checks and {@code expected} disagree: a key both name with
     * different check values, and, when {@code expected} names key-encryption keys, all of them if
     * these checks share none (such keys open nothing sealed so far).
     */
    public List<String> disagreeWith(KeyChecks expected) {
        List<String> differing = List.ofAll(byName.keySet())
                .filter(name -> expected.byName.get(name).exists(value -> !value.equals(byName.get(name).get())));
        List<String> expectedKeks = List.ofAll(expected.byName.keySet()).filter(name -> name.startsWith("kek."));
        boolean noKekInCommon = !expectedKeks.isEmpty() && expectedKeks.forAll(name -> !byName.containsKey(name));
        return noKekInCommon ? differing.appendAll(expectedKeks).distinct() : differing;
    }
}
