package cn.reportarchive.search;

import java.util.List;

/** A parsed query: words and phrases combined by AND, OR and NOT, and field filters. */
public sealed interface QueryNode {
    /** A word as typed (a run of text to find), or a quoted phrase (found exactly, never widened). */
    record Word(String text, boolean quoted) implements QueryNode {
    }

    record All(List<QueryNode> parts) implements QueryNode {
    }

    record Any(List<QueryNode> parts) implements QueryNode {
    }

    record Not(QueryNode part) implements QueryNode {
    }

    /** year:2023, year:2021..2023, unit:…, author:…, aspect:…, section:… */
    record Filter(String field, String value) implements QueryNode {
    }
}
