package dev.cofre.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens a SQLite file: one writer connection and a small pool of readers (see {@link SqliteSessions}).
 *
 * <p>The file is created owner-only (rw-------) wherever it is, in the same system call that creates
 * it; SQLite gives its WAL and shared-memory files the permissions of the database file. A file,
 * WAL or shared-memory file found open to group or others is narrowed to owner-only.
 */
final class SqliteOpener {

    private static final int READERS = 4;
    /** How long a connection waits for another process's lock before giving up (ms). */
    private static final int BUSY_TIMEOUT_MS = 30_000;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SqliteOpener() {
    }

    static Database open(String jdbcUrl) {
        Path file = path(jdbcUrl);
        createOwnerOnly(file);
        String url = "jdbc:sqlite:" + file;
        SqlDialect.SQLITE.migrate(dataSource(url, false), Option.none());
        Connection writer;
        try {
            writer = config(false).createConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the SQLite file", e);
        }
        var readers = new HikariConfig();
        readers.setPoolName("cofre-sqlite-readers");
        readers.setDataSource(dataSource(url, true));
        readers.setMaximumPoolSize(READERS);
        readers.setMinimumIdle(1);
        readers.setReadOnly(true); // as the connections are opened: sqlite-jdbc refuses to change it later
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(readers);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
        narrowToOwner(sibling(file, "-wal"));
        narrowToOwner(sibling(file, "-shm"));
        return new Database(jdbcUrl, new SqliteSessions(writer, pool));
    }

    /** The file of a {@code jdbc:sqlite:} URL; in-memory databases and URL parameters are refused. */
    static Path path(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        if (rest.isBlank() || rest.startsWith(":memory:") || rest.contains("mode=memory") || rest.contains("?")) {
            throw new IllegalArgumentException("a SQLite database is a file: jdbc:sqlite:/path/to/file");
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        return Paths.get(rest).toAbsolutePath();
    }

    /** Creates the file (and a missing directory) owner-only, so that not even SQLite creates it wider. */
    private static void createOwnerOnly(Path file) {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent(), posix
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                        : new FileAttribute<?>[0]);
            }
            if (posix) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (FileAlreadyExistsException existing) {
                    narrowToOwner(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the SQLite file or its directory", e);
        }
    }

    private static void narrowToOwner(Path file) {
        try {
            if (Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                var permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                if (permissions.removeAll(GROUP_OR_OTHERS)) {
                    Files.setPosixFilePermissions(file, permissions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the SQLite file owner-only", e);
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * WAL, so readers never wait for the writer; synchronous=FULL, so a commit is on disk before
     * any caller hears of it (see the README, "Storage"); foreign keys enforced; removed sealed numbers
     * overwritten with zeros rather than left in free pages.
     */
    private static SQLiteConfig config(boolean readOnly) {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setJournalSizeLimit(64 * 1024 * 1024);
        config.setReadOnly(readOnly);
        return config;
    }

    private static SQLiteDataSource dataSource(String url, boolean readOnly) {
        var dataSource = new SQLiteDataSource(config(readOnly));
        dataSource.setUrl(url);
        return dataSource;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }
}
