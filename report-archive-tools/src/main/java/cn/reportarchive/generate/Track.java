package cn.reportarchive.generate;

import java.util.List;

/**
 * A run of yearly reports by one author: a unit's team (person null) or one person in one unit.
 * Consecutive years of a track are what repeats and carried-over measures are planted across.
 */
public record Track(Unit unit, Person person, List<Integer> years) {
    public boolean team() {
        return person == null;
    }

    public String id() {
        return unit.code() + "/" + (person == null ? "team" : person.code());
    }
}
