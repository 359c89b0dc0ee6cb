package dev.cofre.benchmarks;

import dev.cofre.benchmarks.Servers.Server;
import dev.cofre.benchmarks.Tools.Run;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The HTTP benchmark behind {@code benchmarks/run-http.sh}: wrk and hey against the real server
 * ({@code bootstrap/target/cofre.jar}, fresh data directories, {@code -Xmx256m}) and, in
 * alternating phases of the same run, the bare Javalin echo ceiling and a one-commit-per-request
 * write path; then get-by-alias at two table sizes, start-up to {@code /ready} on SQLite and
 * PostgreSQL, two servers on one PostgreSQL against pgbench, and a JFR profile. It writes every
 * target row of issue 13 to a Markdown report. Loopback only; every phase is bounded in time.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cofre.benchmarks.HttpBench [--quick] [--out benchmarks/REPORT.md]
 *     [--rounds 3] [--duration 10] [--prime 5] [--connections 32] [--alias-tokens 1000000] [--alias-small 10000]
 *     [--pg-url jdbc:postgresql://127.0.0.1:5432/test?user=postgres | --pg-url none] [--cofre-jar bootstrap/target/cofre.jar]
 *     [--before-jar path/to/an/older/cofre.jar --before-name "before the bearer cache"]
 * </pre>
 *
 * <p>The lever comparison runs a second Cofre server beside the main one, its phases right before or
 * after the main server's: by default the same jar with the old synchronous log; with
 * {@code --before-jar}, another build of the server (the "before" of a code change), shipped settings.
 */
public final class HttpBench {

    private static final String HEAP = "256m";
    private static final int SEED_TOKENS_PER_SERVER = 1000;
    private static final Pattern GC_PAUSE = Pattern.compile("Pause .*?([0-9.]+)ms$");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> o;
    private final PrintStream out;
    private final boolean quick;
    private final int rounds;
    private final double duration;
    private final double prime;
    private final int connections;
    private final Path work;
    private final Path jar;
    /** The second server of the lever comparison: another build, or null for the synchronous log. */
    private final Path beforeJar;
    private final String beforeLabel;
    private final StringBuilder log = new StringBuilder();

    private HttpBench(Map<String, String> options, PrintStream out) throws IOException {
        this.o = options;
        this.out = out;
        this.quick = options.containsKey("quick");
        this.rounds = Integer.parseInt(options.getOrDefault("rounds", quick ? "1" : "3"));
        this.duration = Double.parseDouble(options.getOrDefault("duration", quick ? "1" : "10"));
        this.prime = Double.parseDouble(options.getOrDefault("prime", quick ? "1" : "5"));
        this.connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        this.jar = Path.of(options.getOrDefault("cofre-jar", "bootstrap/target/cofre.jar"));
        this.beforeJar = options.containsKey("before-jar") ? Path.of(options.get("before-jar")) : null;
        this.beforeLabel = beforeJar == null ? "synchronous log" : options.getOrDefault("before-name", "before");
        this.work = Files.createTempDirectory("cofre-http-bench");
    }

    public static void main(String[] args) throws Exception {
        int status = run(args, System.out);
        System.exit(status); // HttpClient's selector thread is not a daemon
    }

    /** The tool itself, reporting progress to {@code out}; returns the exit status. */
    static int run(String[] args, PrintStream out) throws Exception {
        var bench = new HttpBench(options(args), out);
        try {
            bench.runAll();
            return 0;
        } finally {
            if (!bench.o.containsKey("keep")) {
                Fixtures.deleteTree(bench.work);
            }
        }
    }

    // ------------------------------------------------------------------ the run

    private final Map<String, List<Run>> peaks = new LinkedHashMap<>();
    private final Map<String, long[]> cpuAndRequests = new HashMap<>();
    private final List<Run> fixedRate = new ArrayList<>();
    private final List<Run> aliasSizes = new ArrayList<>();
    private final List<Run> postgres = new ArrayList<>();
    private final Map<String, List<Long>> startups = new LinkedHashMap<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private String machine;
    private String memory = "not measured";
    private String gc = "not measured";
    private String logDrops = "";
    private String postgresNote = "";
    private String archiveNote = "";
    private String loadAtStart = "?";
    private long seedMillis;
    private long aliasLarge;
    private long aliasSmall;
    private long cofreErrors;

    private void runAll() throws Exception {
        Instant started = Instant.now();
        machine = machine();
        loadAtStart = loadAverage();
        say("HTTP benchmark, " + (quick ? "quick" : "full") + " run; work directory " + work);
        var parts = List.of(o.getOrDefault("parts", "main,alias,startup,postgres").split(","));
        if (parts.contains("main")) {
            mainPhases();
        }
        if (parts.contains("startup") || parts.contains("alias")) {
            startUps(parts.contains("startup"));
        }
        if (parts.contains("alias")) {
            aliasAtTwoSizes();
        }
        if (parts.contains("postgres")) {
            twoServersOnPostgres();
        }
        Instant ended = Instant.now();
        Path target = Path.of(o.getOrDefault("out", quick ? "benchmarks/target/REPORT-quick.md" : "benchmarks/REPORT.md"));
        String report = report(started, ended, Files.exists(target) ? Files.readString(target) : "");
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.writeString(target, report, StandardCharsets.UTF_8);
        say("Wrote " + target.toAbsolutePath() + " in " + Duration.between(started, ended).toSeconds() + " s");
    }

    /** Echo, Cofre (async log), Cofre (synchronous log, the lever's "before") and the commit path, alternating. */
    private void mainPhases() throws Exception {
        boolean levers = !quick && !o.containsKey("no-levers");
        Path syncLog = work.resolve("logback-sync.xml");
        Files.writeString(syncLog, SYNC_LOGBACK);
        List<String> gcLog = List.of("-Xlog:gc:file=" + work.resolve("gc-cofre.log") + ":uptime");
        try (var echo = Servers.echo(work, work.resolve("commit.db"), HEAP);
             var cofre = Servers.cofre("cofre", jar, work, work.resolve("cofre-data"), HEAP, gcLog, Map.of());
             var sync = !levers ? null : beforeJar != null
                     ? Servers.cofre("cofre-before", beforeJar, work, work.resolve("cofre-before-data"), HEAP, List.of(), Map.of())
                     : Servers.cofre("cofre-sync-log", jar, work, work.resolve("cofre-sync-data"), HEAP,
                             List.of("-Dlogback.configurationFile=" + syncLog), Map.of())) {
            say("Started echo, cofre" + (levers ? ", cofre " + beforeLabel : ""));
            startups.computeIfAbsent("bare Javalin echo (ceiling, same JVM flags)", k -> new ArrayList<>()).add(echo.readyMillis);
            var phases = new Phases(echo, cofre, sync);
            if (prime > 0) {
                phases.each(prime, null);
                say("Primed every phase for " + prime + " s");
            }
            for (int round = 1; round <= rounds; round++) {
                phases.each(duration, round);
                say("Round " + round + " done");
            }
            fixedRateLatency(phases);
            profile(phases, cofre);
            long[] rss = cofre.rssKb();
            memory = String.format("peak RSS %,d MB, RSS at the end %,d MB (heap limit -Xmx%s)",
                    rss[0] / 1024, rss[1] / 1024, HEAP);
            cofre.close();
            gc = gcPauses(work.resolve("gc-cofre.log"));
            logDrops = logDrops(cofre.log);
        }
    }

    /** The load phases of the main part and the scripts they use (rewritten with a fresh bearer before each group). */
    private final class Phases {
        final Server echo;
        final Server cofre;
        final Server sync;
        final String firstReference;
        final String firstAlias;
        final VendorRoutes cofreVendor;

        Phases(Server echo, Server cofre, Server sync) throws Exception {
            this.echo = echo;
            this.cofre = cofre;
            this.sync = sync;
            Files.writeString(work.resolve("body.json"), LoadDriver.TOKEN_BODY);
            var refs = createTokens(cofre, "bench-", tokensPerServer());
            firstReference = refs.get(0);
            firstAlias = "bench-00000";
            Files.write(work.resolve("refs-cofre.txt"), refs.stream().map(r -> "/v1/Token/" + r).toList());
            var aliases = new ArrayList<String>();
            for (int i = 0; i < refs.size(); i++) {
                aliases.add("/v1/Alias/" + String.format("bench-%05d", i) + "/TokenReference");
            }
            Files.write(work.resolve("aliases-cofre.txt"), aliases);
            if (sync != null) {
                Files.write(work.resolve("refs-sync.txt"),
                        createTokens(sync, "bench-", tokensPerServer()).stream().map(r -> "/v1/Token/" + r).toList());
            }
            cofreVendor = VendorRoutes.of(cofre);
            cofreVendor.writeScripts(work, "cofre");
            if (sync != null) {
                VendorRoutes.of(sync).writeScripts(work, "sync");
            }
            scripts();
        }

        /** Lua scripts for wrk, with a bearer fresh enough for the next few minutes (tokens live 599 s). */
        void scripts() throws Exception {
            String echoPost = post(null);
            Files.writeString(work.resolve("echo-post.lua"), echoPost);
            Files.writeString(work.resolve("echo-get.lua"), "local i = 0\nrequest = function()\n  i = i + 1\n"
                    + "  return wrk.format(\"GET\", \"/echo/\" .. i)\nend\n");
            Files.writeString(work.resolve("cofre-post.lua"), post(bearer(cofre)));
            Files.writeString(work.resolve("cofre-get.lua"), rotate(bearer(cofre), work.resolve("refs-cofre.txt")));
            Files.writeString(work.resolve("cofre-alias.lua"), rotate(bearer(cofre), work.resolve("aliases-cofre.txt")));
            if (sync != null) {
                Files.writeString(work.resolve("sync-post.lua"), post(bearer(sync)));
                Files.writeString(work.resolve("sync-get.lua"), rotate(bearer(sync), work.resolve("refs-sync.txt")));
                Files.writeString(work.resolve("sync-alias.lua"), rotate(bearer(sync), work.resolve("aliases-cofre.txt")));
            }
        }

        /** One pass over every phase; {@code round} null: priming, not recorded. */
        void each(double seconds, Integer round) throws Exception {
            scripts();
            boolean syncFirst = sync != null && round != null && round % 2 == 0; // alternate the lever's order between rounds
            measure("echo POST /echo", echo, echo.baseUrl + "/echo", "echo-post.lua", seconds, round);
            shippedAndBefore("cofre POST /v1/Token", "/v1/Token", "-post.lua", syncFirst, seconds, round);
            measure("one commit per request POST /commit", echo, echo.baseUrl + "/commit", "echo-post.lua", seconds, round);
            measure("echo GET /echo/{id}", echo, echo.baseUrl + "/", "echo-get.lua", seconds, round);
            shippedAndBefore("cofre GET /v1/Token/{ref}", "/", "-get.lua", syncFirst, seconds, round);
            shippedAndBefore("cofre GET /v1/Alias/{alias}/TokenReference", "/", "-alias.lua", syncFirst, seconds, round);
            shippedAndBefore(SOAP_SAVE, VendorRoutes.ASMX, "-jcsave.lua", syncFirst, seconds, round);
            shippedAndBefore(SOAP_MASKED, VendorRoutes.ASMX, "-jcmasked.lua", syncFirst, seconds, round);
            shippedAndBefore(ORDER, VendorRoutes.ORDERS, "-order.lua", syncFirst, seconds, round);
        }

        /** The main server and, when the lever is compared, the one with the synchronous log, in the given order. */
        private void shippedAndBefore(String name, String path, String script, boolean beforeFirst, double seconds,
                                      Integer round) {
            Runnable before = () -> measure(name + ", " + beforeLabel, sync, sync.baseUrl + path, "sync" + script, seconds, round);
            if (sync != null && beforeFirst) {
                before.run();
            }
            measure(name, cofre, cofre.baseUrl + path, "cofre" + script, seconds, round);
            if (sync != null && !beforeFirst) {
                before.run();
            }
        }

        private void measure(String name, Server server, String url, String script, double seconds, Integer round) {
            long cpuBefore = cpuMillis(server.pid());
            Run run = Tools.wrk(name, url, work.resolve(script), connections, seconds);
            long cpu = cpuMillis(server.pid()) - cpuBefore;
            if (round == null) {
                return;
            }
            peaks.computeIfAbsent(name, k -> new ArrayList<>()).add(run);
            if (run.requests() > 0 && cpu >= 0) {
                var sums = cpuAndRequests.computeIfAbsent(name, k -> new long[2]);
                sums[0] += cpu;
                sums[1] += run.requests();
            }
            countErrors(name, run);
            say(String.format(Locale.ROOT, "  %-48s %9.0f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d",
                    name, run.rps(), run.p50(), run.p99(), run.errors()));
        }
    }

    static final String SOAP_SAVE = "cofre SOAP SaveCreditCard";
    static final String SOAP_MASKED = "cofre SOAP GetMaskedCreditCard";
    static final String ORDER = "cofre POST /core/v5/orders (auth_and_capture)";

    private void countErrors(String name, Run run) {
        if (name.startsWith("cofre")) {
            cofreErrors += run.errors();
        }
        if (run.errors() > 0) {
            say("  " + name + ": " + run.errors() + " errors, first: " + run.firstError());
        }
    }

    /** hey at half of each route's median peak from the rounds just measured. */
    private void fixedRateLatency(Phases phases) throws Exception {
        phases.scripts();
        double seconds = quick ? 1 : duration;
        String bearer = "Authorization: " + bearer(phases.cofre);
        Path body = work.resolve("body.json");
        var routes = new ArrayList<Object[]>();
        routes.add(new Object[] {"echo POST /echo", phases.echo.baseUrl + "/echo", "POST", body, List.of(), 200});
        Path masked = work.resolve("jcmasked.xml");
        Files.writeString(masked, phases.cofreVendor.masked(UUID.randomUUID().toString()));
        Path order = work.resolve("order.json");
        Files.writeString(order, VendorRoutes.ORDER_BODY);
        routes.add(new Object[] {"cofre POST /v1/Token", phases.cofre.baseUrl + "/v1/Token", "POST", body, List.of(bearer), 201});
        routes.add(new Object[] {"one commit per request POST /commit", phases.echo.baseUrl + "/commit", "POST", body, List.of(), 201});
        routes.add(new Object[] {"echo GET /echo/{id}", phases.echo.baseUrl + "/echo/1", "GET", null, List.of(), 200});
        routes.add(new Object[] {"cofre GET /v1/Token/{ref}", phases.cofre.baseUrl + "/v1/Token/" + phases.firstReference,
                "GET", null, List.of(bearer), 200});
        routes.add(new Object[] {"cofre GET /v1/Alias/{alias}/TokenReference",
                phases.cofre.baseUrl + "/v1/Alias/" + phases.firstAlias + "/TokenReference", "GET", null, List.of(bearer), 200});
        // SaveCreditCard is not here: hey sends one body, and a RequestId may be used once.
        routes.add(new Object[] {SOAP_MASKED, phases.cofre.baseUrl + VendorRoutes.ASMX, "POST", masked,
                List.of("Content-Type: text/xml; charset=utf-8"), 200});
        routes.add(new Object[] {ORDER, phases.cofre.baseUrl + VendorRoutes.ORDERS, "POST", order,
                List.of("Authorization: " + phases.cofreVendor.basic()), 200});
        for (Object[] r : routes) {
            String name = (String) r[0];
            double rate = Math.max(10, 0.5 * median(peaks.get(name).stream().mapToDouble(Run::rps).toArray()));
            @SuppressWarnings("unchecked")
            var headers = (List<String>) r[4];
            Run run = Tools.hey(name, (String) r[1], (String) r[2], (Path) r[3], headers, rate, 32, seconds, (int) r[5]);
            fixedRate.add(run.named(name + String.format(Locale.ROOT, " at %.0f req/s", rate)));
            countErrors(name, run);
            say(String.format(Locale.ROOT, "  fixed rate %-40s asked %7.0f got %7.0f req/s  p50 %6.2f ms  p99 %7.2f ms",
                    name, rate, run.rps(), run.p50(), run.p99()));
        }
    }

    /** JFR (the JDK's "profile" settings) on the running server, GET then POST, after the measured rounds. */
    private void profile(Phases phases, Server cofre) throws Exception {
        if (o.containsKey("no-profile")) {
            return;
        }
        double seconds = quick ? 1 : 15;
        phases.scripts();
        for (String[] p : new String[][] {{"GET /v1/Token/{ref}", "cofre-get.lua", "/"}, {"POST /v1/Token", "cofre-post.lua", "/v1/Token"},
                {"SOAP SaveCreditCard", "cofre-jcsave.lua", VendorRoutes.ASMX},
                {"POST /core/v5/orders (auth_and_capture)", "cofre-order.lua", VendorRoutes.ORDERS}}) {
            if (quick && profiles.size() == 2) {
                break; // the quick run proves the profiling works; the vendor routes' profiles are for the full run
            }
            Path recording = work.resolve("profile-" + profiles.size() + ".jfr");
            String pid = Long.toString(cofre.pid());
            Tools.exec(List.of("jcmd", pid, "JFR.start", "name=bench", "settings=profile", "filename=" + recording), Map.of(), 60);
            Run run = Tools.wrk("profile " + p[0], cofre.baseUrl + p[2], work.resolve(p[1]), connections, seconds);
            Tools.exec(List.of("jcmd", pid, "JFR.stop", "name=bench"), Map.of(), 60);
            countErrors("cofre profile", run);
            profiles.put(p[0], String.format(Locale.ROOT, "%s s of wrk at %.0f req/s, JFR `settings=profile`.%n%n", 
                    (long) seconds, run.rps()) + JfrSummary.summarize(recording, quick ? 5 : 12));
            if (o.containsKey("keep-profiles")) {
                Files.copy(recording, Path.of(o.get("keep-profiles")).resolve("profile-" + profiles.size() + ".jfr"));
            }
            say("  profiled " + p[0]);
        }
    }

    /** p50 of GET by alias with few and with many tokens stored: two servers, phases alternating. */
    private void aliasAtTwoSizes() throws Exception {
        long large = Long.parseLong(o.getOrDefault("alias-tokens", quick ? "2000" : "1000000"));
        long small = Long.parseLong(o.getOrDefault("alias-small", quick ? "200" : "10000"));
        aliasLarge = large;
        aliasSmall = small;
        // The first two start-up measurements left these: a file, a key file and the sandbox merchant.
        Path smallDir = existing(work.resolve("startup-0"), work.resolve("startup-0-plain"));
        Path largeDir = existing(work.resolve("startup-1"), work.resolve("startup-1-plain"));
        long t0 = System.nanoTime();
        var samples = new ArrayList<>(SeedTokens.seed(smallDir, LoadDriver.CLIENT_ID, small));
        var largeSamples = SeedTokens.seed(largeDir, LoadDriver.CLIENT_ID, large);
        seedMillis = (System.nanoTime() - t0) / 1_000_000;
        say("Seeded " + small + " and " + large + " tokens in " + seedMillis + " ms");
        try (var few = Servers.cofre("alias-small", jar, work, smallDir, HEAP, List.of(), Map.of());
             var many = Servers.cofre("alias-large", jar, work, largeDir, HEAP, List.of(), Map.of())) {
            // The seeded rows are real: the server detokenizes them like its own.
            readBack(few, samples);
            readBack(many, largeSamples);
            Files.writeString(work.resolve("alias-small.lua"), randomAlias(bearer(few), small));
            Files.writeString(work.resolve("alias-large.lua"), randomAlias(bearer(many), large));
            // Unloaded latency: 4 connections, so the p50 is the lookup, not a queue.
            Tools.wrk("prime", few.baseUrl + "/", work.resolve("alias-small.lua"), 4, prime);
            Tools.wrk("prime", many.baseUrl + "/", work.resolve("alias-large.lua"), 4, prime);
            for (int round = 1; round <= (quick ? 1 : Math.max(2, rounds)); round++) {
                for (var s : List.of(few, many)) {
                    String name = (s == few ? small : large) + " tokens";
                    Run run = Tools.wrk(name, s.baseUrl + "/", work.resolve(s == few ? "alias-small.lua" : "alias-large.lua"),
                            4, duration);
                    aliasSizes.add(run);
                    countErrors("cofre alias " + name, run);
                    say(String.format(Locale.ROOT, "  alias lookup, %-16s p50 %6.3f ms  p99 %6.2f ms  %7.0f req/s",
                            name, run.p50(), run.p99(), run.rps()));
                }
            }
        }
    }

    /** From launch to the first 200 on /ready, on a fresh SQLite directory and on a fresh PostgreSQL schema. */
    /** One way to start the jar: what its rows' labels add, what its data directories' names add, its JVM flags. */
    private record StartWay(String label, String dir, List<String> flags) {
    }

    private void startUps(boolean postgresToo) throws Exception {
        // The README's start command maps the class archive the build writes beside the jar; each start is
        // measured that way and as a plain `java -jar`, alternating, on data directories of their own.
        var ways = new ArrayList<StartWay>();
        Path archive = jar.resolveSibling("cofre.jsa");
        if (Files.isRegularFile(archive)) {
            ways.add(new StartWay("", "", List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath())));
        } else {
            archiveNote = "no class archive beside " + jar + ": build it with mvn package";
        }
        ways.add(new StartWay(", plain `java -jar`", "-plain", List.of()));
        int times = quick ? 2 : 3;
        for (int i = 0; i < times; i++) {
            for (var way : ways) {
                String dir = "startup-" + i + way.dir();
                startup("SQLite, new file" + way.label(), dir, way.flags(), Map.of());
                if (!quick) {
                    startup("SQLite, existing file" + way.label(), dir, way.flags(), Map.of());
                }
            }
        }
        // In a quick run the two-server part's first start stands for the PostgreSQL start-up.
        String pgUrl = postgresToo && !quick ? pgUrl() : null;
        if (pgUrl == null) {
            return;
        }
        times = quick ? 1 : 3;
        for (int i = 0; i < times; i++) {
            for (var way : ways) {
                String schema = "bench_start_" + UUID.randomUUID().toString().substring(0, 8);
                // A throwaway schema: let the first start create a development key file.
                var env = Map.of("COFRE_DB_URL", pgUrl, "COFRE_DB_SCHEMA", schema, "COFRE_ALLOW_DEVELOPMENT_KEY", "true");
                String dir = "startup-pg-" + i + way.dir();
                try {
                    startup("PostgreSQL, new schema" + way.label(), dir, way.flags(), env);
                    if (!quick) {
                        startup("PostgreSQL, existing schema" + way.label(), dir, way.flags(), env);
                    }
                } finally {
                    psql(pgUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    private static Path existing(Path first, Path otherwise) {
        return Files.isDirectory(first) ? first : otherwise;
    }

    /** One start to {@code /ready}, recorded under {@code label}; a class archive the JVM refused is reported. */
    private void startup(String label, String dir, List<String> flags, Map<String, String> env) throws Exception {
        try (var s = Servers.cofre(dir, jar, work, work.resolve(dir), HEAP, flags, env)) {
            startups.computeIfAbsent(label, k -> new ArrayList<>()).add(s.readyMillis);
            if (!flags.isEmpty() && Files.readString(s.log).contains("Unable to use shared archive")) {
                archiveNote = "the JVM refused the class archive (built for another jar?): the archive rows are plain starts";
            }
        }
    }

    /** Two servers on one PostgreSQL schema, tokenize and get, against pgbench on the same database. */
    private void twoServersOnPostgres() throws Exception {
        String pgUrl = pgUrl();
        if (pgUrl == null) {
            return;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String cofreSchema = "bench_cofre_" + suffix;
        String pgbenchSchema = "bench_pgbench_" + suffix;
        var pg = PgTarget.of(pgUrl);
        postgresNote = "synchronous_commit=" + psql(pgUrl, "SHOW synchronous_commit").strip()
                + ", fsync=" + psql(pgUrl, "SHOW fsync").strip() + ", server " + psql(pgUrl, "SHOW server_version").strip();
        try {
            psql(pgUrl, "CREATE SCHEMA " + pgbenchSchema + "; CREATE TABLE " + pgbenchSchema
                    + ".bench_rows (id uuid PRIMARY KEY, data bytea NOT NULL)");
            var pgEnv = Map.of("PGOPTIONS", "-c search_path=" + pgbenchSchema);
            Tools.exec(pg.pgbench("-i", "-q", "-s", quick ? "1" : "10"), pgEnv, 300);
            Path insert = work.resolve("pgbench-insert.sql");
            Files.writeString(insert, "INSERT INTO bench_rows (id, data) VALUES (gen_random_uuid(), decode(repeat('ab', 120), 'hex'));\n");
            // Both servers share one key file, as the README requires; the first start creates it (development key).
            var env = Map.of("COFRE_DB_URL", pgUrl, "COFRE_DB_SCHEMA", cofreSchema,
                    "COFRE_KEY_FILE", work.resolve("pg-shared.keys").toString(), "COFRE_ALLOW_DEVELOPMENT_KEY", "true");
            try (var a = Servers.cofre("pg-a", jar, work, work.resolve("pg-a"), HEAP, List.of(), env);
                 var b = Servers.cofre("pg-b", jar, work, work.resolve("pg-b"), HEAP, List.of(), env)) {
                if (quick) {
                    startups.computeIfAbsent("PostgreSQL, new schema", k -> new ArrayList<>()).add(a.readyMillis);
                    startups.computeIfAbsent("PostgreSQL, existing schema", k -> new ArrayList<>()).add(b.readyMillis);
                }
                var refs = createTokens(a, "pg-", tokensPerServer());
                Files.write(work.resolve("refs-pg.txt"), refs.stream().map(r -> "/v1/Token/" + r).toList());
                String seconds = Long.toString(Math.max(1, Math.round(duration)));
                for (int round = quick ? 1 : 0; round <= rounds; round++) {
                    boolean measured = round > 0;
                    double d = measured ? duration : prime;
                    for (var s : List.of(a, b)) {
                        Files.writeString(work.resolve(s.name + "-post.lua"), post(bearer(s)));
                        Files.writeString(work.resolve(s.name + "-get.lua"), rotate(bearer(s), work.resolve("refs-pg.txt")));
                    }
                    String dSeconds = measured ? seconds : Long.toString(Math.max(1, Math.round(prime)));
                    Run select = pgbenchRun("pgbench -S (select one row by key), 32 clients",
                            Tools.exec(pg.pgbench("-n", "-S", "-c", "32", "-j", "2", "-T", dSeconds), pgEnv, (long) d + 60));
                    Run get = both("cofre GET /v1/Token/{ref}, two servers", a, b, "/", "-get.lua", d);
                    Run write = pgbenchRun("pgbench INSERT one row per transaction, 32 clients", Tools.exec(
                            pg.pgbench("-n", "-f", insert.toString(), "-c", "32", "-j", "2", "-T", dSeconds), pgEnv, (long) d + 60));
                    Run tokenize = both("cofre POST /v1/Token, two servers", a, b, "/v1/Token", "-post.lua", d);
                    if (measured) {
                        postgres.addAll(List.of(select, get, write, tokenize));
                        countErrors("cofre pg get", get);
                        countErrors("cofre pg post", tokenize);
                        say(String.format(Locale.ROOT, "  PostgreSQL: select %.0f/s, GET %.0f/s, insert %.0f/s, POST %.0f/s",
                                select.rps(), get.rps(), write.rps(), tokenize.rps()));
                    }
                }
            }
        } finally {
            psql(pgUrl, "DROP SCHEMA IF EXISTS " + cofreSchema + " CASCADE; DROP SCHEMA IF EXISTS " + pgbenchSchema + " CASCADE");
        }
    }

    private Run both(String name, Server a, Server b, String path, String script, double seconds) {
        var first = CompletableFuture.supplyAsync(() -> Tools.wrk(name, a.baseUrl + path, work.resolve(a.name + script),
                connections / 2, seconds));
        var second = CompletableFuture.supplyAsync(() -> Tools.wrk(name, b.baseUrl + path, work.resolve(b.name + script),
                connections / 2, seconds));
        Run x = first.join();
        Run y = second.join();
        return new Run(name, x.rps() + y.rps(), Math.max(x.p50(), y.p50()), Math.max(x.p99(), y.p99()),
                x.requests() + y.requests(), x.errors() + y.errors(), x.firstError() != null ? x.firstError() : y.firstError());
    }

    private static Run pgbenchRun(String name, String output) {
        return new Run(name, Tools.pgbenchTps(output), Double.NaN, Double.NaN, 0, 0, null);
    }

    private String pgUrl() {
        String url = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        if (url.equals("none")) {
            postgresNote = "not measured: --pg-url none";
            return null;
        }
        try {
            psql(url, "SELECT 1");
            return url;
        } catch (RuntimeException e) {
            postgresNote = "not measured: PostgreSQL at " + url.replaceAll("password=[^&]*", "password=...")
                    + " did not answer (" + e.getMessage().lines().findFirst().orElse("") + ")";
            say(postgresNote);
            return null;
        }
    }

    private String psql(String jdbcUrl, String sql) {
        return Tools.exec(PgTarget.of(jdbcUrl).psql(sql), Map.of(), 120);
    }

    /** Host, port, database and user of a {@code jdbc:postgresql://} URL, for psql and pgbench. */
    record PgTarget(String host, String port, String database, String user) {
        static PgTarget of(String jdbcUrl) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String user = "postgres";
            if (uri.getQuery() != null) {
                for (String kv : uri.getQuery().split("&")) {
                    if (kv.startsWith("user=")) {
                        user = kv.substring(5);
                    }
                }
            }
            if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
                throw new IllegalArgumentException("loopback only: " + uri.getHost());
            }
            return new PgTarget(uri.getHost(), Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                    uri.getPath().substring(1), user);
        }

        List<String> psql(String sql) {
            return List.of("psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-U", user,
                    "-d", database, "-c", sql);
        }

        List<String> pgbench(String... args) {
            var command = new ArrayList<>(List.of("pgbench", "-h", host, "-p", port, "-U", user));
            command.addAll(Arrays.asList(args));
            command.add(database);
            return command;
        }
    }

    // ------------------------------------------------------------------ HTTP helpers

    private static String bearer(Server s) throws IOException, InterruptedException {
        return "Bearer " + LoadDriver.accessToken(CLIENT, s.baseUrl, LoadDriver.CLIENT_ID, LoadDriver.CLIENT_SECRET);
    }

    private static final Pattern REFERENCE = Pattern.compile("\"TokenReference\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    /** Vaults {@code count} cards with aliases {@code <prefix>00000...} through HTTP; returns their references. */
    private int tokensPerServer() {
        return quick ? 100 : SEED_TOKENS_PER_SERVER;
    }

    private static List<String> createTokens(Server s, String prefix, int count) throws Exception {
        String bearer = bearer(s);
        var futures = new ArrayList<CompletableFuture<String>>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < count; i++) {
                String body = LoadDriver.TOKEN_BODY.replace("{\"Card\"", "{\"Alias\":\"" + String.format("%s%05d", prefix, i) + "\",\"Card\"");
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        var r = CLIENT.send(HttpRequest.newBuilder(URI.create(s.baseUrl + "/v1/Token")).timeout(Duration.ofSeconds(30))
                                .header("Authorization", bearer).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        Matcher m = REFERENCE.matcher(r.body());
                        if (r.statusCode() != 201 || !m.find()) {
                            throw new IllegalStateException("POST /v1/Token answered " + r.statusCode() + ": " + r.body());
                        }
                        return m.group(1);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static void readBack(Server s, List<String> references) throws IOException, InterruptedException {
        String bearer = bearer(s);
        for (String ref : references) {
            var r = CLIENT.send(HttpRequest.newBuilder(URI.create(s.baseUrl + "/v1/Token/" + ref)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains(ref)) {
                throw new IllegalStateException("seeded token " + ref + " reads back as " + r.statusCode() + ": " + r.body());
            }
        }
    }

    private static String post(String bearer) {
        return "wrk.method = \"POST\"\nwrk.body = [[" + LoadDriver.TOKEN_BODY + "]]\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + (bearer == null ? "" : "wrk.headers[\"Authorization\"] = \"" + bearer + "\"\n");
    }

    /** GET each path of {@code file} in turn. */
    private static String rotate(String bearer, Path file) {
        return "wrk.headers[\"Authorization\"] = \"" + bearer + "\"\n"
                + "local paths = {}\nfor line in io.lines(\"" + file + "\") do paths[#paths + 1] = line end\n"
                + "local i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n";
    }

    /** GET the alias of a random seeded token. */
    private static String randomAlias(String bearer, long count) {
        return "wrk.headers[\"Authorization\"] = \"" + bearer + "\"\nmath.randomseed(os.time())\n"
                + "request = function()\n  return wrk.format(\"GET\", string.format(\"/v1/Alias/seed-%07d/TokenReference\", math.random(0, "
                + (count - 1) + ")))\nend\n";
    }

    // ------------------------------------------------------------------ what the machine and the JVM said

    /** User + system CPU time of a process, from /proc (clock ticks of 10 ms); -1 if unreadable. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String gcPauses(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return "no GC log";
        }
        var pauses = new ArrayList<Double>();
        String collector = "?";
        for (String line : Files.readAllLines(gcLog)) {
            if (line.contains("Using ")) {
                collector = line.substring(line.indexOf("Using ") + 6);
            }
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) {
                pauses.add(Double.parseDouble(m.group(1)));
            }
        }
        double[] v = pauses.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return collector + ", no pause";
        }
        double total = Arrays.stream(v).sum();
        return String.format(Locale.ROOT, "%s: %d pauses, total %.0f ms, median %.1f ms, p99 %.1f ms, max %.1f ms",
                collector, v.length, total, v[v.length / 2], v[Math.min(v.length - 1, (int) Math.ceil(v.length * 0.99) - 1)],
                v[v.length - 1]);
    }

    private static String logDrops(Path log) throws IOException {
        long reports = 0;
        long dropped = 0;
        long lines = 0;
        Pattern p = Pattern.compile("dropped=(\\d+) ");
        try (var stream = Files.lines(log, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) stream::iterator) {
                lines++;
                Matcher m = p.matcher(line);
                if (m.find()) {
                    reports++;
                    dropped += Long.parseLong(m.group(1));
                }
            }
        }
        return String.format("%,d log lines written, %,d request lines dropped by the bounded queue (%d WARN reports)",
                lines, dropped, reports);
    }

    private static String machine() {
        String cpu = "?";
        String mem = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GB").orElse("?");
        } catch (IOException ignored) {
            // not Linux
        }
        return String.format("%d CPUs (%s), %s RAM, %s %s; JDK %s (%s); %s; %s; %s",
                Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                Tools.version(List.of("wrk", "--version")), "hey " + debianVersion("hey"), Tools.version(List.of("pgbench", "--version")));
    }

    private static String debianVersion(String pkg) {
        try {
            return Tools.exec(List.of("dpkg-query", "-W", "-f=${Version}", pkg), Map.of(), 10).strip();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------ the report

    static final String READING_START = "<!-- reading: kept across runs -->";
    static final String READING_END = "<!-- /reading -->";

    /** The hand-written reading of an earlier report (between the markers), carried into the new one. */
    static String reading(String previous) {
        int start = previous.indexOf(READING_START);
        int end = previous.indexOf(READING_END);
        return start < 0 || end < start ? "" : previous.substring(start, end + READING_END.length()) + "\n\n";
    }

    private String report(Instant started, Instant ended, String previous) {
        var r = new StringBuilder();
        var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
        r.append("# Performance report (issue 13)\n\n");
        r.append("Written by `benchmarks/run-http.sh").append(quick ? " --quick" : "").append("` on ")
                .append(time.format(started)).append("-").append(DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(ended))
                .append(" UTC (").append(Duration.between(started, ended).toSeconds()).append(" s). Reproduce: `")
                .append(quick ? "benchmarks/run-http.sh --quick" : "benchmarks/run-http.sh").append("` from the repository root.\n\n");
        r.append("- Machine: ").append(machine).append(". Load average (1 min) when the run started: ").append(loadAtStart)
                .append(", at the end: ").append(loadAverage())
                .append(" (the run's own last part, two servers and 32 pgbench clients, loads it). Anything else running ")
                .append("on the machine moves every absolute figure; every figure is read as a ratio to a ceiling measured ")
                .append("seconds before or after it, in the same run.\n");
        r.append("- Settings: every Cofre server `java -Xmx").append(HEAP).append(" -jar bootstrap/target/cofre.jar`, SQLite on a fresh ")
                .append("data directory (WAL, synchronous=FULL), default log level (INFO, one line per request), loopback only. ")
                .append(String.format(Locale.ROOT, "Peak phases: `wrk -t1 -c%d -d%.0fs --latency` with a Lua script (body, bearer); ", connections, duration))
                .append(rounds).append(" round(s), each phase primed once for ").append(prime).append(" s before round 1. ")
                .append("Ceilings: the bare Javalin JSON echo (`EchoCeiling`, same JVM flags) and, for writes, ")
                .append("`POST /commit` on the same echo JVM: parse the JSON, one INSERT + COMMIT per request on one SQLite ")
                .append("connection with Cofre's pragmas, no sealing (the one-commit-per-request write path). ")
                .append("Start-up rows: as the README starts the server, with the class archive the build writes beside the jar ")
                .append("(`-XX:SharedArchiveFile=bootstrap/target/cofre.jsa`), and as a plain `java -jar`, alternating")
                .append(archiveNote.isEmpty() ? "" : " (" + archiveNote + ")").append(".\n\n");

        r.append("## Targets\n\n| what | target | measured (median over rounds, min..max) | met? |\n|---|---|---|---|\n");
        ratioRow(r, "`GET /v1/Token/{ref}`", "≥ 0.60 of the echo GET", "cofre GET /v1/Token/{ref}", "echo GET /echo/{id}", 0.60);
        ratioRow(r, "`GET /v1/Alias/{alias}/TokenReference`", "≥ 0.60 of the echo GET", "cofre GET /v1/Alias/{alias}/TokenReference",
                "echo GET /echo/{id}", 0.60);
        ratioRow(r, "`POST /v1/Token`, durable", "≥ 0.33 of the echo POST", "cofre POST /v1/Token", "echo POST /echo", 0.33);
        ratioRow(r, "`POST /v1/Token`, durable", "≥ 2× one commit per request", "cofre POST /v1/Token",
                "one commit per request POST /commit", 2.0);
        ratioRow(r, "JustClick SaveCreditCard (SOAP)", "≥ 0.25 of the echo POST", SOAP_SAVE, "echo POST /echo", 0.25);
        ratioRow(r, "JustClick GetMaskedCreditCard (SOAP)", "≥ 0.50 of the echo POST", SOAP_MASKED, "echo POST /echo", 0.50);
        ratioRow(r, "authorize-and-capture, Pagar.me v5 orders (`closed`, `auth_and_capture`; simulator, no latency)",
                "≥ 0.25 of the echo POST", ORDER, "echo POST /echo", 0.25);
        double worstP99 = fixedRate.stream().filter(x -> x.name().startsWith("cofre")).mapToDouble(Run::p99).max().orElse(Double.NaN);
        r.append("| p99 at a fixed rate of 50% of each route's peak | ≤ 10 ms | ")
                .append(fixedRate.stream().filter(x -> x.name().startsWith("cofre"))
                        .map(x -> x.name().replace("cofre ", "") + ": " + ms(x.p99())).collect(Collectors.joining("; ")))
                .append(" | ").append(verdict(worstP99 <= 10)).append(" |\n");
        double[] few = aliasSizes.stream().filter(x -> x.name().equals(aliasSmall + " tokens")).mapToDouble(Run::p50).toArray();
        double[] many = aliasSizes.stream().filter(x -> x.name().equals(aliasLarge + " tokens")).mapToDouble(Run::p50).toArray();
        double aliasRatio = few.length == 0 ? Double.NaN : median(many) / median(few);
        r.append(String.format(Locale.ROOT, "| get by alias, %,d tokens vs %,d: p50 | ≤ 1.5× | %s vs %s: **%.2f×** | %s |%n",
                aliasLarge, aliasSmall, ms(median(many)), ms(median(few)), aliasRatio, verdict(aliasRatio <= 1.5)));
        r.append("| the whole run with `-Xmx256m` | no errors; RSS and GC pauses | ").append(cofreErrors).append(" errors from Cofre; ")
                .append(memory).append("; ").append(gc).append(" | ").append(verdict(cofreErrors == 0)).append(" |\n");
        for (var e : startups.entrySet()) {
            double m = median(e.getValue().stream().mapToDouble(Long::doubleValue).toArray());
            r.append("| start-up to `/ready`, ").append(e.getKey()).append(e.getKey().startsWith("bare") ? " | reference | " : " | ≤ 1.5 s | ")
                    .append(String.format(Locale.ROOT, "%.2f s (%s)", m / 1000,
                            e.getValue().stream().map(v -> v + " ms").collect(Collectors.joining(", "))))
                    .append(" | ").append(e.getKey().startsWith("bare") ? "—" : verdict(m <= 1500)).append(" |\n");
        }
        if (postgres.isEmpty()) {
            r.append("| PostgreSQL: two servers, tokenize and get, vs pgbench | report | ").append(postgresNote).append(" | — |\n");
        } else {
            r.append("| PostgreSQL: two servers, tokenize and get, vs pgbench | report | ")
                    .append(pgRatio("cofre GET", "pgbench -S")).append("; ").append(pgRatio("cofre POST", "pgbench INSERT"))
                    .append(" | reported |\n");
        }

        r.append("\n").append(reading(previous));
        r.append("\n## Peak rate, every round (wrk)\n\n| phase | round | req/s | p50 | p99 | errors | server CPU per request |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (var e : peaks.entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++) {
                Run x = e.getValue().get(i);
                r.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %s | %d | %s |%n", e.getKey(), i + 1, x.rps(),
                        ms(x.p50()), ms(x.p99()), x.errors(),
                        cpuPerRequest(e.getKey())));
            }
        }
        r.append("\nServer CPU per request: user + system time of the server JVM during the phase (from /proc, averaged over rounds) ")
                .append("divided by the requests served; the load generator's own CPU is not in it. `POST /commit` runs in the echo JVM.\n");

        r.append("\n## Latency at a fixed rate (hey, 32 workers, `-q` = rate / 32)\n\n")
                .append("Half of the route's median peak above. GET routes ask for one reference / one alias (hey sends one URL).\n\n")
                .append("| route, asked rate | got, req/s | p50 | p99 | errors |\n|---|---:|---:|---:|---:|\n");
        for (Run x : fixedRate) {
            r.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %d |%n", x.name(), x.rps(), ms(x.p50()), ms(x.p99()), x.errors()));
        }

        r.append(String.format(Locale.ROOT, "%n## Get by alias, %,d tokens vs %,d%n%n", aliasLarge, aliasSmall))
                .append(String.format(Locale.ROOT, "Two servers on two SQLite files seeded in-process (`SeedTokens`: the first token through the `Tokens` store, "
                        + "the rest as copies of its row by a raw JDBC batch, each with its own reference and alias and the card sealed "
                        + "again for that reference under the server's key file; %,d ms for both; a few read back through HTTP), ", seedMillis))
                .append("then `wrk -t1 -c4` on random aliases, alternating between the two servers.\n\n")
                .append("| tokens | p50 | p99 | req/s |\n|---|---:|---:|---:|\n");
        for (Run x : aliasSizes) {
            r.append(String.format(Locale.ROOT, "| %s | %s | %s | %,.0f |%n", x.name(), ms(x.p50()), ms(x.p99()), x.rps()));
        }

        r.append("\n## PostgreSQL: two servers on one schema vs pgbench\n\n");
        if (postgres.isEmpty()) {
            r.append(postgresNote).append("\n");
        } else {
            r.append("Two Cofre JVMs on the same schema and key file; each phase runs two wrk (").append(connections / 2)
                    .append(" connections each, one per server) at once and adds their rates. pgbench (32 clients, 2 threads) runs on the ")
                    .append("same database, in its own schema, right before each Cofre phase. ").append(postgresNote).append(".\n\n")
                    .append("| phase | req/s or tps | p50 | p99 | errors |\n|---|---:|---:|---:|---:|\n");
            for (Run x : postgres) {
                r.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %d |%n", x.name(), x.rps(), ms(x.p50()), ms(x.p99()), x.errors()));
            }
        }

        if (beforeJar != null) {
            r.append("\n## Lever: this build against another (").append(beforeLabel).append(")\n\n");
            r.append("Same run, a second Cofre server from `").append(beforeJar).append("` with the shipped settings, ")
                    .append("its phases right before or after the main server's (order swapped each round).\n\n")
                    .append("| route | this build / echo | ").append(beforeLabel).append(" / echo | server CPU per request, this / ")
                    .append(beforeLabel).append(" |\n|---|---:|---:|---:|\n");
            for (String[] route : new String[][] {{"POST /v1/Token", "echo POST /echo"}, {"GET /v1/Token/{ref}", "echo GET /echo/{id}"},
                    {"GET /v1/Alias/{alias}/TokenReference", "echo GET /echo/{id}"},
                    {SOAP_SAVE.substring(6), "echo POST /echo"}, {SOAP_MASKED.substring(6), "echo POST /echo"},
                    {ORDER.substring(6), "echo POST /echo"}}) {
                String shipped = "cofre " + route[0];
                String before = shipped + ", " + beforeLabel;
                double[] a = ratios(shipped, route[1]);
                double[] b = ratios(before, route[1]);
                r.append(String.format(Locale.ROOT, "| %s | %.2f (%s) | %.2f (%s) | %s / %s |%n", route[0], median(a), join(a),
                        median(b), join(b), cpuPerRequest(shipped), cpuPerRequest(before)));
            }
        }
        r.append("\n## Lever: the request log through a bounded async appender\n\n");
        if (beforeJar != null) {
            r.append("Not compared in this run (`--before-jar` compared two builds instead); see the run of 2026-12-01 14:44 in git history.\n");
        } else if (peaks.containsKey("cofre GET /v1/Token/{ref}, synchronous log")) {
            r.append("Same run, a second Cofre server started with the old synchronous console appender ")
                    .append("(`-Dlogback.configurationFile`), its phases right before or after the main server's (order swapped each round).\n\n")
                    .append("| route | async (shipped) / echo | synchronous / echo |\n|---|---:|---:|\n");
            leverRow(r, "POST /v1/Token", "cofre POST /v1/Token", "cofre POST /v1/Token, synchronous log", "echo POST /echo");
            leverRow(r, "GET /v1/Token/{ref}", "cofre GET /v1/Token/{ref}", "cofre GET /v1/Token/{ref}, synchronous log", "echo GET /echo/{id}");
        } else {
            r.append("Not compared in this run (`--quick` or `--no-levers`).\n");
        }
        r.append("\nMain server's log: ").append(logDrops).append(".\n");

        r.append("\n## Profile (JFR under load, after the measured rounds)\n\n");
        if (profiles.isEmpty()) {
            r.append("Not recorded in this run.\n");
        }
        for (var e : profiles.entrySet()) {
            r.append("### ").append(e.getKey()).append("\n\n").append(e.getValue()).append("\n");
        }
        r.append("\n## Progress log\n\n```\n").append(log).append("```\n");
        return r.toString();
    }

    /** Server CPU time over the requests served, all rounds of a phase together. */
    private String cpuPerRequest(String phase) {
        long[] sums = cpuAndRequests.get(phase);
        return sums == null || sums[1] == 0 ? "?" : String.format(Locale.ROOT, "%.0f µs", 1000.0 * sums[0] / sums[1]);
    }

    private String pgRatio(String cofrePrefix, String pgbenchPrefix) {
        double[] c = postgres.stream().filter(x -> x.name().startsWith(cofrePrefix)).mapToDouble(Run::rps).toArray();
        double[] p = postgres.stream().filter(x -> x.name().startsWith(pgbenchPrefix)).mapToDouble(Run::rps).toArray();
        double[] ratios = new double[Math.min(c.length, p.length)];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = c[i] / p[i];
        }
        return String.format(Locale.ROOT, "%s %,.0f/s vs %s %,.0f tps: **%.2f**", cofrePrefix, median(c), pgbenchPrefix, median(p),
                median(ratios));
    }

    private void ratioRow(StringBuilder r, String what, String target, String phase, String ceiling, double threshold) {
        double[] ratios = ratios(phase, ceiling);
        if (ratios.length == 0) {
            r.append("| ").append(what).append(" | ").append(target).append(" | not measured | — |\n");
            return;
        }
        double m = median(ratios);
        r.append(String.format(Locale.ROOT, "| %s | %s | **%.2f** (%.2f..%.2f): %,.0f vs %,.0f req/s | %s |%n", what, target, m,
                Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0),
                median(peaks.get(phase).stream().mapToDouble(Run::rps).toArray()),
                median(peaks.get(ceiling).stream().mapToDouble(Run::rps).toArray()), verdict(m >= threshold)));
    }

    private void leverRow(StringBuilder r, String route, String shipped, String before, String ceiling) {
        double[] a = ratios(shipped, ceiling);
        double[] b = ratios(before, ceiling);
        r.append(String.format(Locale.ROOT, "| %s | %.2f (%s) | %.2f (%s) |%n", route, median(a), join(a), median(b), join(b)));
    }

    private double[] ratios(String phase, String ceiling) {
        var p = peaks.get(phase);
        var c = peaks.get(ceiling);
        if (p == null || c == null) {
            return new double[0];
        }
        double[] ratios = new double[Math.min(p.size(), c.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = p.get(i).rps() / c.get(i).rps();
        }
        return ratios;
    }

    private static String join(double[] v) {
        return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).collect(Collectors.joining(", "));
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, v < 1 ? "%.3f ms" : "%.1f ms", v);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private void say(String line) {
        out.println(line);
        out.flush();
        log.append(line).append('\n');
    }

    private static Map<String, String> options(String[] args) {
        var o = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("quick") || key.equals("keep") || key.startsWith("no-")) {
                o.put(key, "true");
            } else if (i + 1 < args.length) {
                o.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return o;
    }

    /** The logging configuration Cofre shipped before the async appender: one synchronous console write per line. */
    private static final String SYNC_LOGBACK = """
            <configuration>
              <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                <target>System.err</target>
                <encoder><pattern>%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{24} %msg%n</pattern></encoder>
              </appender>
              <logger name="org.eclipse.jetty" level="WARN"/>
              <logger name="io.javalin" level="WARN"/>
              <logger name="org.flywaydb" level="WARN"/>
              <logger name="com.zaxxer.hikari" level="WARN"/>
              <root level="INFO"><appender-ref ref="STDERR"/></root>
            </configuration>
            """;
}
