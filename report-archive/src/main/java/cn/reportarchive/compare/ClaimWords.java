package cn.reportarchive.compare;

import java.util.ArrayList;
import java.util.List;

/** A claim of numbers in words, and what in it does not add up against the archive. Pure. */
final class ClaimWords {
    private ClaimWords() {
    }

    /** "上年查摆 6 个方面 15 个问题、制定整改措施 13 项，已完成 10 项、3 项正在推进". */
    static String claimed(ClaimedNumbers.Claim c) {
        List<String> counts = new ArrayList<>();
        if (c.problems() != null) {
            counts.add("上年查摆" + (c.aspects() == null ? "" : " " + c.aspects() + " 个方面") + " " + c.problems() + " 个问题");
        }
        if (c.measures() != null) {
            counts.add((c.problems() == null ? "上年" : "") + "制定整改措施 " + c.measures() + " 项");
        }
        if (c.total() != null && c.problems() == null && c.measures() == null) {
            counts.add("共 " + c.total() + " 项");
        }
        List<String> progress = new ArrayList<>();
        String counter = c.counter() == null ? "项" : c.counter();
        if (c.done() != null) {
            progress.add("已完成 " + c.done() + " " + counter);
        } else if (c.all()) {
            progress.add("已全部完成");
        }
        if (c.ongoing() != null) {
            progress.add(c.ongoing() + " " + counter + "正在推进");
        }
        String out = String.join("、", counts);
        if (!progress.isEmpty()) {
            out += (out.isEmpty() ? "" : "，") + String.join("、", progress);
        }
        return out;
    }

    /** Each way the claim disagrees with the archived year before or with itself, one sentence each. */
    static List<String> doubts(ClaimedNumbers.Claim c, int problems, int measures, int reported) {
        List<String> out = new ArrayList<>();
        if (c.problems() != null && c.problems() != problems) {
            out.add("原文称上年查摆问题 " + c.problems() + " 个，存档的上年材料中逐条列出的问题是 " + problems + " 条。");
        }
        if (c.measures() != null && c.measures() != measures) {
            out.add("原文称整改措施 " + c.measures() + " 项，存档的上年材料中逐条列出的措施是 " + measures + " 条。");
        }
        Integer done = c.claimedDone();
        if (done != null && done > reported) {
            String counter = c.counter() == null ? "项" : c.counter();
            out.add("原文称完成 " + done + " " + counter + "，本文逐项写明落实情况的只有 " + reported + " 项，另 " + (done - reported)
                    + " " + counter + "未见具体叙述。");
        }
        if (done == null && c.all() && measures > reported) {
            out.add("原文称已全部完成，上年材料的 " + measures + " 条措施中本文逐项写明落实情况的只有 " + reported + " 项，另 "
                    + (measures - reported) + " 项未见具体叙述。");
        }
        Integer whole = c.measures() != null ? c.measures() : c.problems() != null ? c.problems() : c.total();
        if (c.done() != null && c.ongoing() != null && whole != null && c.done() + c.ongoing() != whole) {
            out.add("原文所称已完成 " + c.done() + " 项与正在推进 " + c.ongoing() + " 项之和为 " + (c.done() + c.ongoing())
                    + "，与所称的 " + whole + " 项不一致。");
        }
        return out;
    }
}
