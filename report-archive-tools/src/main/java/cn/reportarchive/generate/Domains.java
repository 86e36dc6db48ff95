package cn.reportarchive.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of work a unit can be in (domains.txt): its name, posts, how its header reads, and the
 * words of its work that the phrase banks fill in ({$业务}, {$风险} …), so that a finance bureau's
 * report talks of budgets and a town's of villages.
 */
public final class Domains {
    /** Keys that every domain has (after defaults), as the phrase banks use them. */
    public static final List<String> TERMS = List.of("简称", "业务", "改革", "重点", "风险", "对象", "专业", "基层",
            "权力", "民生", "项目", "数字", "服务", "群众", "主体", "组织", "单位");

    /** One line of work. {@code posts} may hold {级}, {@code headers} hold {u}. */
    public record Domain(String key, List<String> names, Set<String> levels, List<String> posts,
            List<String> headers, Map<String, List<String>> terms) {
        public boolean townLike() {
            return names.get(0).startsWith("*");
        }

        public List<String> term(String k) {
            List<String> v = terms.get(k);
            if (v == null) {
                throw new IllegalStateException("domain " + key + " lacks " + k);
            }
            return v;
        }
    }

    private static final Domains DEFAULT = new Domains();

    private final List<Domain> all = new ArrayList<>();

    private Domains() {
        Map<String, DataFile.Section> sections = DataFile.read("domains.txt");
        DataFile.Section defaults = sections.get("default");
        for (DataFile.Section s : sections.values()) {
            if (s.name.equals("default")) {
                continue;
            }
            Map<String, List<String>> terms = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : defaults.entries) {
                terms.put(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, List<String>> e : s.entries) {
                terms.put(e.getKey(), e.getValue());
            }
            List<String> posts = new ArrayList<>();
            for (String p : String.join(" | ", s.values("职务")).split(";")) {
                if (!p.isBlank()) {
                    posts.add(p.strip());
                }
            }
            List<String> headers = terms.remove("抬头");
            all.add(new Domain(s.name, s.values("名称"), Set.copyOf(List.of(s.first("级别").split(" "))),
                    List.copyOf(posts), headers, terms));
            for (String t : TERMS) {
                all.get(all.size() - 1).term(t);
            }
        }
    }

    public static Domains load() {
        return DEFAULT;
    }

    public List<Domain> all() {
        return all;
    }

    public Domain get(String key) {
        return all.stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no domain " + key));
    }
}
