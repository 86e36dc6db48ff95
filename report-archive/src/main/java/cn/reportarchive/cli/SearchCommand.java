package cn.reportarchive.cli;

import cn.reportarchive.Application;
import cn.reportarchive.search.SearchHit;
import cn.reportarchive.search.SearchRequest;
import cn.reportarchive.search.SearchResult;
import cn.reportarchive.search.SuggestedResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "全文检索")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    JsonOutput output;

    @Mixin
    Narrowing narrowing;

    @Parameters(index = "0", paramLabel = "QUERY", description = "检索式")
    String query;

    @Option(names = "--aspect", description = "方面（如 theory 或 理论学习）")
    String aspect;

    @Option(names = "--section", description = "部分（如 problems 或 问题）")
    String section;

    @Option(names = "--limit", description = "最多返回条数（默认 20）")
    int limit = SearchRequest.DEFAULT_SIZE;

    @Option(names = "--page", description = "页码，从 1 开始")
    int page = 1;

    @Option(names = "--sort", description = "排序：relevance（相关度，默认）或 year（年度从新到旧）")
    String sort = "relevance";

    @Option(names = "--no-related", description = "不使用相关词扩展（只查字面）")
    boolean noRelated;

    @Option(names = "--per-report", description = "同一份材料在前面最多占几条，其余排到后面（默认 2，0 为不限）")
    int perReport = SearchRequest.DEFAULT_PER_REPORT;

    @Override
    public Integer call() throws Exception {
        try (Application app = common.open()) {
            SearchRequest.Order order = switch (sort) {
                case "relevance" -> SearchRequest.Order.RELEVANCE;
                case "year" -> SearchRequest.Order.YEAR;
                default -> throw new UserError("--sort 只能是 relevance 或 year。", Cli.USAGE);
            };
            SearchRequest request = new SearchRequest(query, narrowing.year, narrowing.unit, aspect, section, page, limit, order, !noRelated,
                    perReport);
            SearchResult result = app.search().search(request);
            java.util.List<String> suggestions = app.suggestions().suggest(request, result.total());
            if (output.json) {
                System.out.println(Json.pretty(new SuggestedResult(result, suggestions)));
                return 0;
            }
            result.notes().forEach(System.err::println);
            for (SearchHit h : result.hits()) {
                System.out.printf("%s %s %s [%s] %s%s%s%s%n    %s%n", ListCommand.orDash(h.year()),
                        ListCommand.orDash(h.unit()), ListCommand.orDash(h.author()), h.ref(), h.reportId(),
                        h.ocr() ? " （识别自扫描件）" : "", marks(h), h.matchedName() == null ? "" : " （按名称）", h.text());
            }
            System.err.println("共 " + (result.totalExact() ? "" : "约 ") + result.total() + " 条结果。");
            if (!suggestions.isEmpty()) {
                System.err.println("您是不是要找：" + String.join("　", suggestions));
            }
            return 0;
        }
    }

    private static String marks(SearchHit h) {
        String kind = switch (h.passage()) {
            case "title" -> " （标题）";
            case "heading" -> " （小标题）";
            default -> "";
        };
        return kind + (h.related().isEmpty() ? "" : " （相关词：" + String.join("、", h.related()) + "）");
    }
}
