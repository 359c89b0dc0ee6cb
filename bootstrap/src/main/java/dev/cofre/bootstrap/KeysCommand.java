package dev.cofre.bootstrap;

import picocli.CommandLine.Command;

/** {@code cofre keys ...}: key-encryption keys. */
@Command(name = "keys", description = "Key-encryption keys.", subcommands = RotateKeysCommand.class)
final class KeysCommand {
}
