package dev.cofre.adapters.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file on disk (format: see {@link KeyRing}). It is created with owner-only permissions
 * (rw-------) in the same system call that creates it, so it is never readable by anyone else, not
 * even for an instant; a key file that group or others may access is refused.
 *
 * <p>Creating and adding a version hold an exclusive lock on a sibling {@code <file>.lock}, so two
 * processes can neither both create a first key nor both add "version 2" with different keys,
 * one of which would be lost with every card sealed under it. Loading an existing file takes no
 * lock and writes nothing, so the file may sit on a read-only mount.
 */
public final class KeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFile() {
    }

    /** Loads the key file, refusing one that is missing, malformed, or open to group or others. */
    public static KeyRing load(Path file) {
        requireOwnerOnly(file);
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException("key file " + file + " does not exist");
        } catch (IOException e) {
            throw new KeyFileException("cannot read key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        try {
            return KeyRing.parse(text, "key file " + file);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    /**
     * Loads the key file, or creates it with a new random key (version 1) and fingerprint key if
     * there is none. A created key is a development key: it lives next to the data it protects, so
     * a warning says so, once.
     */
    public static KeyRing loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        createParent(file);
        return underLock(file, () -> {
            if (Files.exists(file)) { // another process created it while we waited for the lock
                return load(file);
            }
            KeyRing ring = KeyRing.generate(RANDOM);
            write(file, ring);
            LOG.warn("Created key file {} with a new DEVELOPMENT key: back it up, and in production use a key"
                    + " file kept apart from the database, or configured keys", file);
            return ring;
        });
    }

    /**
     * Adds a new random key-encryption key to the key file and makes it current; older versions
     * stay, so everything sealed under them still opens until key rotation re-wraps it. The file is
     * replaced atomically and keeps owner-only permissions. Returns the new ring.
     */
    public static KeyRing addVersion(Path file) {
        return underLock(file, () -> {
            KeyRing ring = load(file).withNewVersion(RANDOM);
            write(file, ring);
            LOG.info("Added key-encryption key version {} to {}; it seals from now on", ring.currentVersion(), file);
            return ring;
        });
    }

    private interface Locked {
        KeyRing run();
    }

    @SuppressWarnings("try") // the lock is held for the body, not used in it
    private static KeyRing underLock(Path file, Locked action) {
        Path lockFile = sibling(file, ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                ownerOnly(file));
             FileLock ignored = channel.lock()) {
            return action.run();
        } catch (IOException e) {
            throw new KeyFileException("cannot lock " + lockFile + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Writes the ring to a new owner-only file beside the target, forces it to disk, then moves
     * it into place: a crash leaves the old file or the new one, never half of one.
     */
    private static void write(Path file, KeyRing ring) {
        Path temp = sibling(file, ".new");
        byte[] text = ring.render();
        try {
            Files.deleteIfExists(temp); // a leftover of a crash: it never became the key file
            try (FileChannel out = FileChannel.open(temp,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(file))) {
                ByteBuffer buffer = ByteBuffer.wrap(text);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            // Under the lock, so no other Cofre process is writing; a rename replaces atomically.
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(file);
        } catch (IOException | UnsupportedOperationException e) {
            throw new KeyFileException("cannot write key file " + file + ": " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(text, (byte) 0);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: it is owner-only, and the next write removes it
            }
        }
    }

    private static void requireOwnerOnly(Path file) {
        if (!isPosix(file)) {
            return; // e.g. Windows ACLs: nothing portable to check
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException("key file " + file + " does not exist");
        } catch (IOException e) {
            throw new KeyFileException("cannot read the permissions of key file " + file, e);
        }
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new KeyFileException("key file " + file + " is accessible by group or others ("
                    + PosixFilePermissions.toString(permissions) + "); it must be owner-only: chmod 600 " + file);
        }
    }

    private static void createParent(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, isPosix(file)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                    : new FileAttribute<?>[0]);
        } catch (IOException e) {
            throw new KeyFileException("cannot create the directory of key file " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return isPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** Makes the rename itself durable; not every platform can open a directory, hence best effort. */
    private static void forceDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the file itself is on disk already
        }
    }
}
