package cn.reportarchive.generate;

import cn.reportarchive.parse.SectionType;
import java.util.ArrayList;
import java.util.List;

/** One numbered part of a planned report (一、…): its type, heading words, intro and blocks. */
public final class GenSection {
    final SectionType type;
    final String heading;
    String intro = "";
    final List<GenBlock> blocks = new ArrayList<>();

    GenSection(SectionType type, String heading) {
        this.type = type;
        this.heading = heading;
    }

    public SectionType type() {
        return type;
    }

    public String heading() {
        return heading;
    }

    public List<GenBlock> blocks() {
        return blocks;
    }
}
