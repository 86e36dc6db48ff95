package cn.reportarchive.parse;

import cn.reportarchive.parse.Markers.ItemStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's paragraphs to its intro and enumerated points. Line-form points (1. / 1、 / （1） / ①)
 * win when the block has them: an inline 一是 inside such a point stays part of it. Otherwise the
 * inline form is looked for. Paragraphs are joined without a separator, because where a paragraph
 * breaks depends on the format (a PDF line can end at any full stop).
 */
final class ItemSplitter {
    /** A table has two rows or more; one line opening with 1 is prose. */
    private static final int MIN_TABLE_ROWS = 2;

    private ItemSplitter() {
    }

    record Body(String intro, List<Item> items) {
    }

    static Body split(List<String> paragraphs) {
        ItemStyle style = paragraphs.stream().map(ItemStyle::of).filter(s -> s != null).findFirst().orElse(null);
        if (style != null) {
            Body lines = lineForm(paragraphs, style);
            if (style != ItemStyle.TABLE_ROW || lines.items().size() >= MIN_TABLE_ROWS) {
                return lines;
            }
        }
        return InlineEnumeration.split(paragraphs);
    }

    private static Body lineForm(List<String> paragraphs, ItemStyle style) {
        StringBuilder intro = new StringBuilder();
        List<StringBuilder> items = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (style.opens(paragraph, items.size() + 1)) {
                items.add(new StringBuilder(paragraph));
            } else if (items.isEmpty()) {
                intro.append(paragraph);
            } else {
                items.get(items.size() - 1).append(paragraph);
            }
        }
        List<Item> result = new ArrayList<>();
        for (StringBuilder item : items) {
            result.add(new Item(result.size() + 1, item.toString().strip()));
        }
        return new Body(intro.toString().strip(), result);
    }
}
