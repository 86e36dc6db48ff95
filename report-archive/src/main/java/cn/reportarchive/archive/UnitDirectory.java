package cn.reportarchive.archive;

import cn.reportarchive.parse.Strings;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The archive's units as identities: each unit with the names it has been written under
 * (中共临江县财政局党组, 临江县财政局党组领导班子, 临江县财政局…), kept in tables of the catalog
 * database so that backup, restore and every process see the same directory.
 *
 * <p>A name resolves to a unit by, in order: the name itself as recorded (an alias: a merge made
 * 临江县农业局 mean 临江县农业农村局), the name a unit is shown under, and the name's
 * {@linkplain #key key} (written form without whitespace and the 中共/党组/党委/委员会/领导班子 wrappings),
 * so that a typed name and the name read from a header meet. An unknown name, when a report is
 * stored under it, creates a unit shown under its key.
 *
 * <p><b>What the rest of the archive stores.</b> A report's effective {@code unit}, in the catalog
 * row and in every passage of the index, is the display name of its unit, never the written form
 * (that one is recorded here, per report, for the units listing). So facets count a unit once
 * however it was written, a filter or a viewer's access is one term, and the catalog's
 * {@code unit = ?} stays an index lookup. The price is paid on a merge or an unmerge: the reports of
 * the units involved (tens, for one unit) are re-put into the catalog and the index at once (see
 * {@link UnitAssignments}). Expanding aliases at query time instead would leave every stored
 * report under its written name, so facets would count a unit once per spelling and exports and
 * pickers would each have to group names again.
 *
 * <p><b>Merging</b> attaches the units of the names given under the root of the target unit;
 * unmerging a name detaches the unit that name was first recorded in (with whatever was later merged
 * into that one) from the unit it had been merged into. Each unit keeps its own display name, so an
 * undone merge gives the old unit its old name back.
 *
 * <p>The directory is held in memory (a few thousand names at most) and written through to its
 * tables ({@link UnitTables}); every method is synchronized. Only the process that holds the
 * archive's index writes it.
 */
public final class UnitDirectory implements AutoCloseable {
    /** A unit as stored: its display name and, once merged, the unit it was merged into. */
    private record Node(long id, String display, Long mergedInto) {
    }

    private final UnitTables db;
    private final Map<Long, Node> units = new HashMap<>();
    /** Every recorded name, as written (stripped), to the unit it was first recorded in. */
    private final Map<String, Long> homeOfName = new LinkedHashMap<>();
    /** Every key of a recorded name to that unit (names of one key always share their unit). */
    private final Map<String, Long> homeOfKey = new HashMap<>();
    private final Map<String, Long> unitOfDisplay = new HashMap<>();

    private UnitDirectory(UnitTables db) throws SQLException {
        this.db = db;
        load();
    }

    /** The directory in the catalog database at this path (its tables are created when missing). */
    public static UnitDirectory open(Path catalogFile) throws SQLException {
        UnitTables tables = UnitTables.open(catalogFile);
        try {
            return new UnitDirectory(tables);
        } catch (SQLException | RuntimeException e) {
            tables.close();
            throw e;
        }
    }

    /** The key a name is matched by: see {@link UnitKey#of}. Null for a blank name. */
    public static String key(String written) {
        return UnitKey.of(written);
    }

    /**
     * The name the unit of this name is shown under; for a name no unit has, its key (what a unit
     * created from it would be called, so a lookup finds nothing rather than something else). Null
     * for a blank name. Nothing is recorded.
     */
    public synchronized String unitOf(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Long found = find(name);
        return found == null ? key(name) : display(root(found));
    }

    /** Whether some unit has this name (as an alias, a display name or by its key). */
    public synchronized boolean known(String name) {
        return name != null && !name.isBlank() && find(name) != null;
    }

    /**
     * Records the name each report is stored under, creating a unit for a name none has, in one
     * transaction, and answers each report's unit (display name); a null name forgets the report's
     * entry. Writes nothing when every name and report is already recorded so (a reindex).
     */
    public synchronized Map<String, String> register(Map<String, String> nameByReport) throws SQLException {
        Map<String, String> shown = new LinkedHashMap<>();
        boolean began = false;
        try {
            for (Map.Entry<String, String> e : nameByReport.entrySet()) {
                String reportId = e.getKey();
                String name = Strings.blankToNull(e.getValue());
                if (name == null) {
                    if (db.usedName(reportId) != null) {
                        began = begin(began);
                        db.deleteUse(reportId);
                    }
                    shown.put(reportId, null);
                    continue;
                }
                Long home = find(name);
                if (home == null) {
                    began = begin(began);
                    home = createUnit(key(name));
                }
                if (!homeOfName.containsKey(name)) {
                    began = begin(began);
                    db.insertName(name, key(name), home);
                    remember(name, home);
                }
                if (!name.equals(db.usedName(reportId))) {
                    began = begin(began);
                    db.putUse(reportId, name);
                }
                shown.put(reportId, display(root(home)));
            }
            if (began) {
                db.commit();
            }
            return shown;
        } catch (SQLException | RuntimeException e) {
            if (began) {
                db.rollback();
                load(); // the memory may hold what the rolled-back transaction added
            }
            throw e;
        }
    }

    /** The unit (display name) of one report stored under this name; see {@link #register(Map)}. */
    public String register(String name, String reportId) throws SQLException {
        Map<String, String> one = new HashMap<>();
        one.put(reportId, name);
        return register(one).get(reportId);
    }

    /** The name a report was stored under, or null when none is recorded (a report from before the directory). */
    public synchronized String usedName(String reportId) throws SQLException {
        return db.usedName(reportId);
    }

    /** The name every report with a recorded name was stored under, by report id. */
    public synchronized Map<String, String> usedNames() throws SQLException {
        return db.usedNames();
    }

    /**
     * Makes the units of these names part of the unit of {@code into}. Refused (nothing changes) when
     * a name or the target is unknown, or a name already belongs to the target. The change says which
     * units' reports now show another name; the caller re-puts them (see {@link UnitAssignments}).
     */
    public synchronized UnitChange merge(List<String> names, String into, String by) throws SQLException, UnitException {
        if (into == null || into.isBlank()) {
            throw new UnitException("请指定合并到哪个单位。");
        }
        List<String> given = names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
        if (given.isEmpty()) {
            throw new UnitException("请指定要合并的单位名称。");
        }
        checkLength(into);
        for (String name : given) {
            checkLength(name);
        }
        Long target = find(into);
        if (target == null) {
            throw new UnitException("档案库中没有名为“" + into.strip() + "”的单位，无法合并到它。");
        }
        long targetRoot = root(target);
        Set<Long> sources = new LinkedHashSet<>();
        for (String name : given) {
            Long unit = find(name);
            if (unit == null) {
                throw new UnitException("档案库中没有名为“" + name + "”的单位，无法合并。");
            }
            if (root(unit) == targetRoot) {
                throw new UnitException("“" + name + "”已经是“" + display(targetRoot) + "”的名称，不能把单位合并到它自身。");
            }
            sources.add(root(unit));
        }
        List<UnitChange.Names> before = new ArrayList<>();
        for (long s : sources) {
            before.add(names(s));
        }
        before.add(names(targetRoot));
        Set<String> affected = new LinkedHashSet<>();
        db.begin();
        try {
            for (long s : sources) {
                db.setMerged(s, targetRoot, by);
                affected.add(display(s));
            }
            db.markDirty(); // cleared once the reports are re-put (UnitAssignments)
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
        for (long s : sources) {
            Node n = units.get(s);
            units.put(s, new Node(s, n.display(), targetRoot));
        }
        return new UnitChange(display(targetRoot), affected, before, List.of(names(targetRoot)));
    }

    /**
     * Undoes the merge that took this name's unit (the unit it was first recorded in, with what was
     * later merged into that one) into another: refused when that unit was never merged.
     */
    public synchronized UnitChange unmerge(String name) throws SQLException, UnitException {
        if (name == null || name.isBlank()) {
            throw new UnitException("请指定要撤销合并的单位名称。");
        }
        checkLength(name);
        Long home = find(name);
        if (home == null) {
            throw new UnitException("档案库中没有名为“" + name.strip() + "”的单位，无法撤销合并。");
        }
        Node node = units.get(home);
        if (node.mergedInto() == null) {
            throw new UnitException("“" + name.strip() + "”所属的单位“" + node.display()
                    + "”没有被合并到其他单位，无需撤销；请指定当初被合并进来的名称。");
        }
        long oldRoot = root(home);
        List<UnitChange.Names> before = List.of(names(oldRoot));
        db.begin();
        try {
            db.setMerged(home, null, null);
            db.markDirty();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
        units.put(home, new Node(home, node.display(), null));
        return new UnitChange(node.display(), Set.of(display(oldRoot)), before, List.of(names(oldRoot), names(home)));
    }

    /**
     * Every unit with at least one report in the catalog, with its names and the years and reports of
     * each, in Chinese collation order.
     */
    public synchronized List<UnitEntry> entries() throws SQLException {
        return UnitEntry.collect(db.uses(), this::rootDisplayOfName, allNamesByDisplay(), false);
    }

    /** One unit's entry (also when no report of it is left), by any of its names. */
    public synchronized UnitEntry entry(String name) throws SQLException {
        String shown = unitOf(name);
        return UnitEntry.collect(db.uses(), this::rootDisplayOfName, allNamesByDisplay(), true).stream()
                .filter(e -> e.unit().equals(shown)).findFirst()
                .orElse(new UnitEntry(shown, List.of(), 0, List.of(), List.of()));
    }

    /** Whether the reports in the catalog may not show their units' current names: never brought in, or a merge cut short. */
    public synchronized boolean needsReconcile() throws SQLException {
        return db.needsReconcile();
    }

    /** Every report now shows its unit's current name. */
    public synchronized void reconciled() throws SQLException {
        db.reconciled();
    }

    // --- inside

    /** No unit is called by a longer name than an import accepts: refused before it is echoed in a message. */
    private static void checkLength(String name) throws UnitException {
        int length = name.strip().codePointCount(0, name.strip().length());
        if (length > ImportMetadata.MAX_UNIT) {
            throw new UnitException("单位名称过长（" + length + " 个字符，最多 " + ImportMetadata.MAX_UNIT + " 个），请检查后重试。");
        }
    }

    private Map<String, List<String>> allNamesByDisplay() {
        Map<String, List<String>> out = new HashMap<>();
        homeOfName.forEach((name, home) -> out.computeIfAbsent(display(root(home)), d -> new ArrayList<>()).add(name));
        return out;
    }

    private String rootDisplayOfName(String name) {
        Long home = homeOfName.get(name);
        return home == null ? unitOf(name) : display(root(home));
    }

    private UnitChange.Names names(long rootId) {
        String shown = display(rootId);
        List<String> all = new ArrayList<>();
        homeOfName.forEach((name, home) -> {
            if (root(home) == rootId) {
                all.add(name);
            }
        });
        return new UnitChange.Names(shown, all);
    }

    private Long find(String name) {
        String n = name.strip();
        Long id = homeOfName.get(n);
        if (id == null) {
            id = unitOfDisplay.get(n);
        }
        String k = key(n);
        if (id == null && k != null) {
            id = homeOfKey.get(k);
        }
        if (id == null && k != null) {
            id = unitOfDisplay.get(k);
        }
        return id;
    }

    private long root(long id) {
        long at = id;
        for (int guard = 0; guard <= units.size(); guard++) {
            Long up = units.get(at).mergedInto();
            if (up == null) {
                return at;
            }
            at = up;
        }
        throw new IllegalStateException("unit merges form a cycle at " + id);
    }

    private String display(long id) {
        return units.get(id).display();
    }

    private long createUnit(String display) throws SQLException {
        long id = db.insertUnit(display);
        units.put(id, new Node(id, display, null));
        unitOfDisplay.put(display, id);
        return id;
    }

    private void remember(String name, long home) {
        homeOfName.put(name, home);
        String k = key(name);
        if (k != null) {
            homeOfKey.putIfAbsent(k, home);
        }
    }

    /** Begins the transaction unless it has begun; says it has. */
    private boolean begin(boolean began) throws SQLException {
        if (!began) {
            db.begin();
        }
        return true;
    }

    private void load() throws SQLException {
        units.clear();
        homeOfName.clear();
        homeOfKey.clear();
        unitOfDisplay.clear();
        for (UnitTables.UnitRow row : db.units()) {
            units.put(row.id(), new Node(row.id(), row.display(), row.mergedInto()));
            unitOfDisplay.put(row.display(), row.id());
        }
        // in the order recorded: the first name of a key decides the key's unit, as when it was recorded
        for (UnitTables.NameRow row : db.names()) {
            remember(row.name(), row.home());
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
