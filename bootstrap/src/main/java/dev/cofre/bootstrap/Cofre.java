package dev.cofre.bootstrap;

/** The jar's entry point: {@code java -jar cofre.jar [command]}; no command serves. */
public final class Cofre {

    private Cofre() {
    }

    public static void main(String[] args) {
        int code = Cli.run(args);
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }
}
