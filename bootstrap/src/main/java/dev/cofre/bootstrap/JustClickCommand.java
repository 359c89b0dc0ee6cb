package dev.cofre.bootstrap;

import picocli.CommandLine.Command;

/** {@code cofre justclick ...}: JustClick operations. */
@Command(name = "justclick", description = "JustClick operations.", subcommands = UnlockJustClickCommand.class)
final class JustClickCommand {
}
