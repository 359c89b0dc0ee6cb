package dev.cofre.bootstrap;

import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.application.token.RotateKeys;
import dev.cofre.adapters.crypto.KeyFile;
import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator commands of the jar; with no command it serves. */
@Command(name = "cofre", mixinStandardHelpOptions = true, version = "Cofre 0.1.0",
        description = "A self-hosted card vault. With no command: serve.",
        subcommands = {Cli.Serve.class, Cli.Merchants.class, Cli.JustClick.class, Cli.Keys.class, Cli.Charges.class})
final class Cli extends OperatorCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        var serve = new Serve();
        serve.settings = settings;
        serve.out = out;
        serve.err = err;
        return serve.call();
    }

    static int run(String... args) {
        return run(Settings::fromEnvironment, System.out, System.err, args);
    }

    /** Runs a command line with the given settings and output streams (tests pass their own). */
    static int run(java.util.function.Supplier<Settings> settings, PrintStream out, PrintStream err, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K command = CommandLine.defaultFactory().create(type);
                if (command instanceof OperatorCommand c) {
                    c.settings = settings;
                    c.out = out;
                    c.err = err;
                }
                return command;
            }
        };
        var cli = new Cli();
        cli.settings = settings;
        cli.out = out;
        cli.err = err;
        return new CommandLine(cli, factory).setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true)).execute(args);
    }

    static void printCredentials(PrintStream out, RegisterMerchant.Registered r) {
        out.println("  merchant id:   " + r.merchant().id());
        out.println("  name:          " + r.merchant().name());
        out.println("  client id:     " + r.clientId());
        out.println("  client secret: " + r.clientSecret());
        out.println("  MerchantKey:   " + r.merchantKey());
    }

    /** The orders API's secret key (Basic authentication under /core/v5), shown once. */
    static void printSecretKey(PrintStream out, String secretKey) {
        out.println("  secret key:    " + secretKey);
    }

    @Command(name = "serve", description = "Serve the HTTP API (the default).")
    static final class Serve extends OperatorCommand implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            var config = settings.get();
            var wiring = Wiring.open(config, Clock.systemUTC());
            Sandbox.ensure(wiring, config, out);
            var server = Server.start(wiring, config);
            var stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "cofre-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "merchants", description = "Register and list merchants.",
            subcommands = {Merchants.Add.class, Merchants.ListAll.class})
    static final class Merchants {

        @Command(name = "add", description = "Register a merchant and print its credentials once.")
        static final class Add extends OperatorCommand implements Callable<Integer> {
            @CommandLine.Parameters(paramLabel = "NAME") String name;
            @CommandLine.Option(names = "--ip", paramLabel = "CIDR",
                    description = "an address or range allowed to read card numbers (repeatable)")
            List<String> ips = new ArrayList<>();
            @CommandLine.Option(names = "--gateway", description = "gateway profile (default: PSP)") boolean gateway;
            @CommandLine.Option(names = "--pre-auth", description = "enable pre-authorization") boolean preAuth;

            @Override
            public Integer call() {
                try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
                    return wiring.accounts().register()
                            .register(new RegisterMerchant.Command(name, ips, gateway, preAuth, null, null))
                            .fold(e -> {
                                err.println("Not registered: " + e.message());
                                return 2;
                            }, r -> {
                                out.println("Registered (the secrets are shown only now):");
                                printCredentials(out, r);
                                printSecretKey(out, wiring.secretKeys().issue(r.merchant().id()));
                                return 0;
                            });
                }
            }
        }

        @Command(name = "list", description = "List merchants.")
        static final class ListAll extends OperatorCommand implements Callable<Integer> {
            @Override
            public Integer call() {
                try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
                    out.printf("%-36s  %-36s  %-7s  %-8s  %s  %s%n", "MERCHANT ID", "CLIENT ID", "PROFILE",
                            "PRE-AUTH", "NAME", "IPS");
                    for (Merchant m : wiring.accounts().list()) {
                        String clientId = wiring.accounts().merchants().credentialsOf(m.id())
                                .map(c -> c.clientId()).getOrElse("-");
                        out.printf("%-36s  %-36s  %-7s  %-8s  %s  %s%n", m.id(), clientId, m.profile(),
                                m.features().preAuthEnabled() ? "yes" : "no", m.name(),
                                m.allowedIps().map(IpRange::cidr).mkString(","));
                    }
                    return 0;
                }
            }
        }
    }

    @Command(name = "justclick", description = "JustClick operations.", subcommands = JustClick.Unlock.class)
    static final class JustClick {

        @Command(name = "unlock", description = "Unlock GetJustClickKey for a merchant locked out after 5 failures.")
        static final class Unlock extends OperatorCommand implements Callable<Integer> {
            @CommandLine.Parameters(paramLabel = "MERCHANT", description = "merchant id or exact name") String merchant;

            @Override
            public Integer call() {
                try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
                    var all = wiring.accounts().list();
                    Option<Merchant> found = Try.of(() -> MerchantId.of(merchant)).toOption()
                            .flatMap(id -> all.find(m -> m.id().equals(id)))
                            .orElse(() -> all.filter(m -> m.name().equals(merchant)).singleOption());
                    if (found.isEmpty()) {
                        err.println("No single merchant has id or name '" + merchant + "'");
                        return 2;
                    }
                    wiring.vault().unlockJustClickKey().unlock(found.get().id());
                    out.println("GetJustClickKey unlocked for " + found.get().name() + " (" + found.get().id() + ")");
                    return 0;
                }
            }
        }
    }

    @Command(name = "keys", description = "Key-encryption keys.", subcommands = Keys.Rotate.class)
    static final class Keys {

        @Command(name = "rotate", description = "Add a new key-encryption key version to the key file and re-wrap"
                + " every stored data key under it, while servers keep serving (they read the key file again"
                + " when they meet the new version). With --resume, only finish re-wrapping under the current"
                + " version, e.g. after an interrupted run.")
        static final class Rotate extends OperatorCommand implements Callable<Integer> {
            @CommandLine.Option(names = "--resume", description = "re-wrap under the current version; add none")
            boolean resume;

            @Override
            public Integer call() {
                var config = settings.get();
                if (!resume) {
                    if (config.configuredKeys().isDefined()) {
                        err.println("COFRE_KEYS is set, so there is no key file to add a version to: add one to a"
                                + " copy of it (COFRE_KEY_FILE=copy keys rotate), configure every server with the new"
                                + " keys (base64 -w0 copy), restart them, then run keys rotate --resume.");
                        return 2;
                    }
                    var ring = KeyFile.addVersion(config.keyFile());
                    out.println("Key version " + ring.currentVersion() + " added to " + config.keyFile());
                }
                try (var wiring = Wiring.open(config, Clock.systemUTC())) {
                    RotateKeys.Rotation r = wiring.rotateKeys().rotate(p ->
                            out.println("  re-wrapped " + p.done() + " of " + p.total()));
                    out.println("Rotation to key version " + r.toVersion() + ": " + r.ending() + ", "
                            + r.rewrapped() + " re-wrapped, " + r.skipped() + " skipped, " + r.unreadable()
                            + " unreadable, in " + r.took().toMillis() + " ms");
                    return r.ending() == RotateKeys.Ending.DONE && r.unreadable() == 0 ? 0 : 1;
                }
            }
        }
    }

    @Command(name = "charges", description = "Charge operations.", subcommands = Charges.Reconcile.class)
    static final class Charges {

        @Command(name = "reconcile", description = "Ask the acquirer now about every charge transaction left in"
                + " doubt (with_error, waiting_*, error_on_*) and print what became of each. Servers running on the"
                + " same database may reconcile at the same time: a transaction one of them is asking about is"
                + " left to it.")
        static final class Reconcile extends OperatorCommand implements Callable<Integer> {
            @Override
            public Integer call() {
                try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
                    var report = BackgroundReconciler.runAndLog(wiring.charging().reconcile());
                    report.resolutions().forEach(r -> out.println("  " + r));
                    out.println("Reconciled: " + report.summary());
                    return 0;
                }
            }
        }
    }
}
