package cn.reportarchive.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrase material as data: named slots, each a list of alternatives, combined by reference so that
 * a handful of lines yields thousands of distinct sentences. The files under
 * {@code resources/cn/reportarchive/generate/} are written in this small language:
 *
 * <pre>
 * # comment
 * %ns theory            following slots are theory.NAME (references look there first);
 *                       a slot named again later takes more alternatives
 * &#64;gist                 a slot; each following line is one alternative
 * 学习{对象}不够(系统|深入|全面)，{?补充}
 * </pre>
 *
 * In an alternative: {@code {name}} another slot, {@code {?name}} the same half of the time,
 * {@code {$key}} a value from the context (unit, year, author), {@code {#3-12}} a number,
 * {@code (a|b|)} a choice inline (ASCII brackets; the Chinese text uses full-width ones), and
 * {@code ::} separates the fields of a record (a problem's gist and detail, a measure's core,
 * detail and result).
 */
public final class Grammar {
    /** Where {@code {$key}} values come from. */
    public interface Vars {
        String get(String key, Rng rng);
    }

    /** One alternative of a slot: its fields (most slots have one). */
    public record Entry(String slot, int index, List<Seq> fields, String key) {
        Entry(String slot, int index, List<Seq> fields) {
            this(slot, index, fields, slot + "#" + index);
        }

        public int size() {
            return fields.size();
        }
    }

    private final Map<String, List<Entry>> slots = new LinkedHashMap<>();

    private Grammar() {
    }

    /** Loads and links the given resource files (names relative to this package). */
    public static Grammar load(String... resources) {
        Grammar g = new Grammar();
        for (String resource : resources) {
            try (InputStream in = Grammar.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing phrase resource " + resource);
                }
                g.read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        g.link();
        return g;
    }

    /** A grammar from text (tests). */
    public static Grammar of(String text) {
        Grammar g = new Grammar();
        g.read("text", text);
        g.link();
        return g;
    }

    private void read(String source, String text) {
        String ns = "";
        String current = null;
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("%ns")) {
                ns = line.substring(3).strip();
                current = null;
            } else if (line.startsWith("@")) {
                String name = line.substring(1).strip();
                current = ns.isEmpty() ? name : ns + "." + name;
                // a slot named again takes more alternatives
                slots.putIfAbsent(current, new ArrayList<>());
            } else {
                if (current == null) {
                    throw new IllegalStateException(source + ":" + lineNo + ": text outside a slot");
                }
                List<Seq> fields = new ArrayList<>();
                for (String field : line.split("::", -1)) {
                    try {
                        fields.add(new Parser(field.strip(), ns).sequence(false));
                    } catch (RuntimeException e) {
                        throw new IllegalStateException(source + ":" + lineNo + ": " + e.getMessage(), e);
                    }
                }
                List<Entry> entries = slots.get(current);
                entries.add(new Entry(current, entries.size(), fields));
            }
        }
    }

    private void link() {
        for (List<Entry> entries : slots.values()) {
            for (Entry e : entries) {
                for (Seq s : e.fields) {
                    s.link(this);
                }
            }
        }
        slots.forEach((name, entries) -> {
            if (entries.isEmpty()) {
                throw new IllegalStateException("slot without alternatives: " + name);
            }
        });
    }

    List<Entry> resolve(String ns, String name) {
        if (!ns.isEmpty()) {
            List<Entry> local = slots.get(ns + "." + name);
            if (local != null) {
                return local;
            }
        }
        List<Entry> global = slots.get(name);
        if (global == null) {
            throw new IllegalStateException("unknown slot {" + name + "}" + (ns.isEmpty() ? "" : " in " + ns));
        }
        return global;
    }

    public boolean has(String slot) {
        return slots.containsKey(slot);
    }

    public List<Entry> entries(String slot) {
        List<Entry> e = slots.get(slot);
        if (e == null) {
            throw new IllegalStateException("unknown slot " + slot);
        }
        return e;
    }

    public java.util.Set<String> slotNames() {
        return slots.keySet();
    }

    /** One alternative of the slot, expanded (its first field). */
    public String expand(String slot, Rng rng, Vars vars) {
        StringBuilder out = new StringBuilder();
        rng.pick(entries(slot)).fields.get(0).expand(out, rng, vars);
        return out.toString();
    }

    public static String expand(Seq field, Rng rng, Vars vars) {
        StringBuilder out = new StringBuilder();
        field.expand(out, rng, vars);
        return out.toString();
    }

    /** A compiled template: a run of text, references, numbers and choices. */
    public static final class Seq {
        private final List<Node> nodes;

        Seq(List<Node> nodes) {
            this.nodes = nodes;
        }

        void expand(StringBuilder out, Rng rng, Vars vars) {
            for (Node n : nodes) {
                n.expand(out, rng, vars);
            }
        }

        void link(Grammar g) {
            for (Node n : nodes) {
                n.link(g);
            }
        }

        /** Whether the template is plain text. */
        public boolean isEmpty() {
            return nodes.isEmpty();
        }
    }

    private interface Node {
        void expand(StringBuilder out, Rng rng, Vars vars);

        default void link(Grammar g) {
        }
    }

    private record Text(String text) implements Node {
        public void expand(StringBuilder out, Rng rng, Vars vars) {
            out.append(text);
        }
    }

    private static final class Ref implements Node {
        private final String ns;
        private final String name;
        private final boolean optional;
        private List<Entry> target;

        Ref(String ns, String name, boolean optional) {
            this.ns = ns;
            this.name = name;
            this.optional = optional;
        }

        public void expand(StringBuilder out, Rng rng, Vars vars) {
            if (optional && rng.chance(0.5)) {
                return;
            }
            rng.pick(target).fields.get(0).expand(out, rng, vars);
        }

        public void link(Grammar g) {
            target = g.resolve(ns, name);
        }
    }

    private record Var(String key) implements Node {
        public void expand(StringBuilder out, Rng rng, Vars vars) {
            String v = vars.get(key, rng);
            if (v == null) {
                throw new IllegalStateException("no value for {$" + key + "}");
            }
            out.append(v);
        }
    }

    private record Num(int lo, int hi) implements Node {
        public void expand(StringBuilder out, Rng rng, Vars vars) {
            out.append(rng.between(lo, hi));
        }
    }

    private record Choice(List<Seq> options) implements Node {
        public void expand(StringBuilder out, Rng rng, Vars vars) {
            rng.pick(options).expand(out, rng, vars);
        }

        public void link(Grammar g) {
            for (Seq s : options) {
                s.link(g);
            }
        }
    }

    private static final class Parser {
        private final String s;
        private final String ns;
        private int i;

        Parser(String s, String ns) {
            this.s = s;
            this.ns = ns;
        }

        Seq sequence(boolean inChoice) {
            List<Node> nodes = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (inChoice && (c == '|' || c == ')')) {
                    break;
                }
                if (c == '|' || c == ')') {
                    throw new IllegalArgumentException("stray '" + c + "' in: " + s);
                }
                if (c == '{' || c == '(') {
                    if (text.length() > 0) {
                        nodes.add(new Text(text.toString()));
                        text.setLength(0);
                    }
                    nodes.add(c == '{' ? token() : choice());
                    continue;
                }
                text.append(c);
                i++;
            }
            if (text.length() > 0) {
                nodes.add(new Text(text.toString()));
            }
            return new Seq(nodes);
        }

        private Node token() {
            int end = s.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed { in: " + s);
            }
            String body = s.substring(i + 1, end);
            i = end + 1;
            if (body.startsWith("$")) {
                return new Var(body.substring(1));
            }
            if (body.startsWith("#")) {
                String[] range = body.substring(1).split("-");
                int lo = Integer.parseInt(range[0]);
                return new Num(lo, range.length > 1 ? Integer.parseInt(range[1]) : lo);
            }
            if (body.startsWith("?")) {
                return new Ref(ns, body.substring(1), true);
            }
            return new Ref(ns, body, false);
        }

        private Node choice() {
            i++; // (
            List<Seq> options = new ArrayList<>();
            while (true) {
                options.add(sequence(true));
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unclosed ( in: " + s);
                }
                char c = s.charAt(i++);
                if (c == ')') {
                    break;
                }
            }
            return new Choice(options);
        }
    }
}
