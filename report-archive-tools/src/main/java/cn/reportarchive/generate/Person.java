package cn.reportarchive.generate;

/** An author: a holder of one of a unit's posts for some years. */
public record Person(String code, String name, String post, int slot, int from, int to) {
    public boolean serves(int year) {
        return year >= from && year <= to;
    }
}
