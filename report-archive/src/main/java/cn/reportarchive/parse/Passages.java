package cn.reportarchive.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A report cut into passages with their refs. Blocks are numbered through all sections of a
 * type, so a ref stays unique when a report has two sections of the same kind. Preface and
 * closing paragraphs belong to section type other (preface/1, closing/1).
 */
public final class Passages {
    private Passages() {
    }

    public static List<Passage> of(Report report) {
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < report.preface().size(); i++) {
            passages.add(new Passage(ItemRef.preface(i + 1), SectionType.OTHER, null, null, report.preface().get(i)));
        }
        Map<SectionType, Integer> blocksSeen = new EnumMap<>(SectionType.class);
        for (Section section : report.sections()) {
            if (!section.intro().isBlank()) {
                passages.add(new Passage(ItemRef.section(section.type()), section.type(), null, section.heading(), section.intro()));
            }
            for (Block block : section.blocks()) {
                int b = blocksSeen.merge(section.type(), 1, Integer::sum);
                String heading = block.heading() != null ? block.heading() : section.heading();
                if (!block.intro().isBlank() || block.items().isEmpty()) {
                    String text = block.intro().isBlank() ? nullToEmpty(block.heading()) : block.intro();
                    if (!text.isBlank()) {
                        passages.add(new Passage(ItemRef.block(section.type(), b), section.type(), block.aspect(), heading, text));
                    }
                }
                for (Item item : block.items()) {
                    passages.add(new Passage(ItemRef.item(section.type(), b, item.n()), section.type(), block.aspect(),
                            heading, item.text()));
                }
            }
        }
        for (int i = 0; i < report.closing().size(); i++) {
            passages.add(new Passage(ItemRef.closing(i + 1), SectionType.OTHER, null, null, report.closing().get(i)));
        }
        return passages;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
