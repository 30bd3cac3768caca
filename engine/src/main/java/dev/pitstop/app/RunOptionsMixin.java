package dev.pitstop.app;

/** Holds {@link RunOptions} for picocli's mixin mechanism. */
final class RunOptionsMixin {
    @picocli.CommandLine.Mixin
    RunOptions options = new RunOptions();
}
