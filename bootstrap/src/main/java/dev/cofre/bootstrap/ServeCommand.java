package dev.cofre.bootstrap;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code cofre serve}: serves the HTTP API until the process is stopped. */
@Command(name = "serve", description = "Serve the HTTP API (the default).")
final class ServeCommand extends OperatorCommand implements Callable<Integer> {

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
