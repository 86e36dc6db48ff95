package cn.reportarchive.cli;

import picocli.CommandLine.Option;

/**
 * Whose material a command works on: a unit's leadership team, or one person of it with
 * {@code --author} (compare, ledger, check-draft).
 */
final class Whose {
    @Option(names = "--unit", required = true, description = "单位")
    String unit;

    @Option(names = "--author", description = "个人材料的作者；不指定时为领导班子材料")
    String author;
}
