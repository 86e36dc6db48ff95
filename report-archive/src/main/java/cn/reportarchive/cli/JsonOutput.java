package cn.reportarchive.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the answer as JSON on stdout instead of lines for a person (the commands that print one answer). */
final class JsonOutput {
    @Option(names = "--json", description = "输出 JSON")
    boolean json;
}
