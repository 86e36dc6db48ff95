package cn.reportarchive.cli;

import picocli.CommandLine.Option;

/** {@code --unit} and {@code --year} as filters: only that unit's or that year's material (list, search, similar). */
final class Narrowing {
    @Option(names = "--unit", description = "只看这个单位的材料")
    String unit;

    @Option(names = "--year", description = "只看这个年度的材料")
    Integer year;
}
