package cn.reportarchive.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/** The share of each file format: "txt=60,docx=30,pdf=10". */
public record FormatMix(Map<String, Integer> weights) {
    public static final FormatMix DEFAULT = parse("txt=60,docx=30,pdf=10");

    public static FormatMix parse(String spec) {
        Map<String, Integer> w = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] kv = p.split("=");
            String format = kv[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!format.equals("txt") && !format.equals("docx") && !format.equals("pdf")) {
                throw new IllegalArgumentException("未知的格式 " + format + "（可用：txt、docx、pdf）。");
            }
            int weight;
            try {
                weight = kv.length > 1 ? Integer.parseInt(kv[1].strip()) : 1;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("格式比例 " + p + " 不是“格式=数字”。");
            }
            if (weight < 0) {
                throw new IllegalArgumentException("格式比例不能为负数：" + p + "。");
            }
            w.put(format, weight);
        }
        if (w.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            throw new IllegalArgumentException("格式比例之和必须大于 0。");
        }
        return new FormatMix(java.util.Collections.unmodifiableMap(w));
    }

    public String pick(Rng r) {
        double[] ws = weights.values().stream().mapToDouble(Integer::doubleValue).toArray();
        return weights.keySet().toArray(new String[0])[r.weighted(ws)];
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        weights.forEach((k, v) -> s.append(s.length() > 0 ? "," : "").append(k).append('=').append(v));
        return s.toString();
    }
}
