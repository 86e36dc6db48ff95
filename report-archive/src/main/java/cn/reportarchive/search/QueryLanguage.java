package cn.reportarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The query language users type: space = AND, OR, NOT or -word, "quoted phrases", parentheses,
 * and field filters (year:2023, year:2021..2023, unit:…, author:…, aspect:…, section:…).
 * Everything else is taken literally: a colon after Chinese text, slashes, tildes. Anything
 * malformed is a {@link QuerySyntaxException} with one Chinese sentence saying what is wrong.
 */
public final class QueryLanguage {
    public static final Set<String> FIELDS = Set.of("year", "unit", "author", "aspect", "section");
    /**
     * A pasted point or two (a long point runs to 500 characters); beyond the URL limit, so long queries
     * come by POST. Longer is not a query but a document (the similar-text search takes those).
     */
    public static final int MAX_CHARS = 2000;
    private static final int MAX_DEPTH = 20;

    private final List<Token> tokens;
    private int at;
    private int depth;

    private QueryLanguage(List<Token> tokens) {
        this.tokens = tokens;
    }

    private enum Kind { WORD, PHRASE, FIELD, OR, AND, NOT, MINUS, OPEN, CLOSE }

    private record Token(Kind kind, String text, String field) {
    }

    /** The query as a tree; an empty or blank query is an empty All (match everything). */
    public static QueryNode parse(String query) throws QuerySyntaxException {
        if (query != null && query.length() > 4 * MAX_CHARS) { // not worth normalising
            throw tooLong(query.length());
        }
        String q = QueryText.normalise(query);
        if (q.length() > MAX_CHARS) {
            throw tooLong(q.length());
        }
        QueryLanguage parser = new QueryLanguage(tokenize(q));
        if (parser.tokens.isEmpty()) {
            return new QueryNode.All(List.of());
        }
        QueryNode node = parser.or();
        if (parser.at < parser.tokens.size()) {
            Token stray = parser.tokens.get(parser.at);
            throw new QuerySyntaxException(stray.kind() == Kind.CLOSE
                    ? "检索式中多了一个右括号“)”，括号没有配对。"
                    : "检索式无法理解：“" + stray.text() + "”出现的位置不对。");
        }
        return node;
    }

    private static QuerySyntaxException tooLong(int length) {
        return new QuerySyntaxException("检索式过长（" + length + " 个字符，最多 " + MAX_CHARS
                + " 个），请只保留最能说明问题的一两句话或几个关键词后再试。");
    }

    private static List<Token> tokenize(String q) throws QuerySyntaxException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') {
                i++;
            } else if (c == '"') {
                int end = q.indexOf('"', i + 1);
                if (end < 0) {
                    throw new QuerySyntaxException("检索式中的引号没有配对：请在短语末尾补上一个英文引号 \"。");
                }
                out.add(new Token(Kind.PHRASE, q.substring(i + 1, end), null));
                i = end + 1;
            } else if (c == '(') {
                out.add(new Token(Kind.OPEN, String.valueOf(c), null));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.CLOSE, String.valueOf(c), null));
                i++;
            } else if (c == '-' && q.substring(i + 1).isBlank()) {
                throw new QuerySyntaxException("- 的后面缺少要排除的检索词。");
            } else if (c == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))
                    && (out.isEmpty() || i == 0 || Character.isWhitespace(q.charAt(i - 1)) || q.charAt(i - 1) == '(')) {
                out.add(new Token(Kind.MINUS, "-", null));
                i++;
            } else {
                int end = i;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '\u3000'
                        && "\"()".indexOf(q.charAt(end)) < 0) {
                    end++;
                }
                String word = q.substring(i, end);
                i = end;
                out.add(word(word, q, i, out));
                if (out.get(out.size() - 1).kind() == Kind.FIELD && out.get(out.size() - 1).text().isEmpty()
                        && i < q.length() && q.charAt(i) == '"') {
                    int close = q.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new QuerySyntaxException("检索式中的引号没有配对：请在短语末尾补上一个英文引号 \"。");
                    }
                    Token field = out.remove(out.size() - 1);
                    out.add(new Token(Kind.FIELD, q.substring(i + 1, close), field.field()));
                    i = close + 1;
                }
            }
        }
        return out;
    }

    private static Token word(String word, String q, int next, List<Token> sofar) throws QuerySyntaxException {
        // and/or/not as typed in lower case are the operators too (a query of Chinese text has no English words)
        switch (word.length() <= 3 ? word.toUpperCase(java.util.Locale.ROOT) : word) {
            case "OR", "|", "||" -> {
                return new Token(Kind.OR, word, null);
            }
            case "AND", "&&" -> {
                return new Token(Kind.AND, word, null);
            }
            case "NOT" -> {
                return new Token(Kind.NOT, word, null);
            }
            default -> {
            }
        }
        int colon = word.indexOf(':');
        if (colon > 0 && word.substring(0, colon).matches("[A-Za-z]+")) {
            String field = word.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            if (!FIELDS.contains(field)) {
                throw new QuerySyntaxException("未知的字段“" + word.substring(0, colon)
                        + ":”，可用的字段有 year、unit、author、aspect、section。");
            }
            String value = word.substring(colon + 1);
            if (value.isEmpty() && (next >= q.length() || q.charAt(next) != '"')) {
                throw new QuerySyntaxException("字段 " + field + ": 后面缺少要筛选的值，例如 " + example(field) + "。");
            }
            return new Token(Kind.FIELD, value, field);
        }
        return new Token(Kind.WORD, word, null);
    }

    static String example(String field) {
        return switch (field) {
            case "year" -> "year:2023 或 year:2021..2023";
            case "unit" -> "unit:单位名称";
            case "author" -> "author:姓名";
            case "aspect" -> "aspect:theory 或 aspect:理论学习";
            default -> "section:problems 或 section:问题";
        };
    }

    private QueryNode or() throws QuerySyntaxException {
        List<QueryNode> parts = new ArrayList<>();
        parts.add(and());
        while (peek(Kind.OR)) {
            at++;
            if (at >= tokens.size() || peek(Kind.CLOSE) || peek(Kind.OR) || peek(Kind.AND)) {
                throw new QuerySyntaxException("OR 的后面缺少检索词：OR 的两边都要有检索词。");
            }
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.Any(parts);
    }

    private QueryNode and() throws QuerySyntaxException {
        List<QueryNode> parts = new ArrayList<>();
        while (at < tokens.size() && !peek(Kind.OR) && !peek(Kind.CLOSE)) {
            if (peek(Kind.AND)) {
                at++;
                if (parts.isEmpty() || at >= tokens.size() || peek(Kind.OR) || peek(Kind.CLOSE) || peek(Kind.AND)) {
                    throw new QuerySyntaxException("AND 的两边都要有检索词。");
                }
                continue;
            }
            parts.add(unary());
        }
        if (parts.isEmpty()) {
            throw new QuerySyntaxException(at == 0 && peek(Kind.OR)
                    ? "OR 的前面缺少检索词：OR 的两边都要有检索词。"
                    : "括号里或 OR 的一边没有检索词。");
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.All(parts);
    }

    private QueryNode unary() throws QuerySyntaxException {
        if (peek(Kind.NOT) || peek(Kind.MINUS)) {
            String op = tokens.get(at).text();
            at++;
            if (at >= tokens.size() || peek(Kind.OR) || peek(Kind.AND) || peek(Kind.CLOSE)) {
                throw new QuerySyntaxException(op + " 的后面缺少要排除的检索词。");
            }
            return new QueryNode.Not(unary());
        }
        return primary();
    }

    private QueryNode primary() throws QuerySyntaxException {
        Token t = tokens.get(at++);
        return switch (t.kind()) {
            case WORD -> new QueryNode.Word(t.text(), false);
            case PHRASE -> new QueryNode.Word(t.text(), true);
            case FIELD -> new QueryNode.Filter(t.field(), t.text());
            case OPEN -> {
                if (++depth > MAX_DEPTH) {
                    throw new QuerySyntaxException("检索式中的括号嵌套过深。");
                }
                if (peek(Kind.CLOSE)) {
                    throw new QuerySyntaxException("括号里没有检索词。");
                }
                QueryNode inner = or();
                if (!peek(Kind.CLOSE)) {
                    throw new QuerySyntaxException("检索式中的括号没有配对：缺少右括号“)”。");
                }
                at++;
                depth--;
                yield inner;
            }
            default -> throw new QuerySyntaxException("检索式无法理解：“" + t.text() + "”出现的位置不对。");
        };
    }

    private boolean peek(Kind kind) {
        return at < tokens.size() && tokens.get(at).kind() == kind;
    }
}
