package dev.cofre.bootstrap;

import picocli.CommandLine.Command;

/** {@code cofre charges ...}: charge operations. */
@Command(name = "charges", description = "Charge operations.", subcommands = ReconcileChargesCommand.class)
final class ChargesCommand {
}
