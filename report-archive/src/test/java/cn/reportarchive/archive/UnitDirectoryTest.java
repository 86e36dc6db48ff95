package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit directory alone: how names resolve, merge, unmerge and persist. */
class UnitDirectoryTest {
    @TempDir
    Path dir;
    private Catalog catalog;
    private UnitDirectory units;

    @BeforeEach
    void open() throws Exception {
        catalog = new Catalog(dir.resolve("catalog.db")); // the directory lives in the catalog's database
        units = UnitDirectory.open(dir.resolve("catalog.db"));
    }

    @AfterEach
    void close() throws Exception {
        units.close();
        catalog.close();
    }

    private UnitDirectory reopened() throws Exception {
        units.close();
        units = UnitDirectory.open(dir.resolve("catalog.db"));
        return units;
    }

    @Test
    void aTypedNameAndAHeaderNameMeetByTheirKey() throws Exception {
        assertEquals("临江县财政局", units.register("中共临江县财政局党组", "r1"));
        assertEquals("临江县财政局", units.register("临江县财政局党组领导班子", "r2"));
        assertEquals("临江县财政局", units.register("临江县 财政局", "r3"));
        assertEquals("中共临江县财政局党组", units.usedName("r1"));
        assertEquals("临江县 财政局", units.usedName("r3"), "the name is recorded as written");
        assertEquals("临江县财政局", reopened().unitOf("临江县财政局党组"));
    }

    @Test
    void anUnknownNameIsLookedUpByItsKeyAndCreatesNothing() throws Exception {
        assertEquals("临江县审计局", units.unitOf("中共临江县审计局党组"));
        assertFalse(units.known("临江县审计局"));
        assertNull(units.unitOf("  "));
        assertThrows(UnitException.class, () -> units.merge(List.of("临江县审计局"), "临江县财政局", "test"));
    }

    @Test
    void aMergeMovesEveryNameOfTheUnitAndAnUnmergeGivesItsOwnNameBack() throws Exception {
        units.register("中共临江县农业局党组", "a1");
        units.register("临江县农业局党组领导班子", "a2");
        units.register("临江县农业农村局", "b1");
        UnitChange merged = units.merge(List.of("临江县农业局"), "中共临江县农业农村局党组", "test");
        assertEquals("临江县农业农村局", merged.unit());
        assertEquals(Set.of("临江县农业局"), merged.affected());
        for (String name : List.of("中共临江县农业局党组", "临江县农业局党组领导班子", "临江县农业局", "临江县 农业局")) {
            assertEquals("临江县农业农村局", units.unitOf(name), name);
        }
        // a later report under the old name joins the merged unit, and remembers its own first unit
        assertEquals("临江县农业农村局", units.register("临江县农业局委员会", "a3"));
        assertEquals("临江县农业农村局", reopened().unitOf("临江县农业局"), "the merge is stored");

        UnitChange undone = units.unmerge("临江县农业局委员会");
        assertEquals("临江县农业局", undone.unit());
        assertEquals(Set.of("临江县农业农村局"), undone.affected());
        assertEquals("临江县农业局", units.unitOf("中共临江县农业局党组"));
        assertEquals("临江县农业局", units.unitOf("临江县农业局委员会"));
        assertEquals("临江县农业农村局", units.unitOf("临江县农业农村局"));
        assertEquals("临江县农业局", reopened().unitOf("临江县农业局党组领导班子"));
    }

    @Test
    void aUnitMergedIntoAnotherCarriesWhatWasMergedIntoIt() throws Exception {
        units.register("临江县农业局", "a");
        units.register("临江县农村工作办公室", "b");
        units.register("临江县农业农村局", "c");
        units.merge(List.of("临江县农村工作办公室"), "临江县农业局", "test");
        units.merge(List.of("临江县农业局"), "临江县农业农村局", "test");
        assertEquals("临江县农业农村局", units.unitOf("临江县农村工作办公室"));
        // undoing the second merge takes 农业局 out with what had been merged into it
        units.unmerge("临江县农业局");
        assertEquals("临江县农业局", units.unitOf("临江县农村工作办公室"));
        assertEquals("临江县农业农村局", units.unitOf("临江县农业农村局"));
    }

    @Test
    void whatCannotBeMergedIsRefusedAndChangesNothing() throws Exception {
        units.register("中共临江县财政局党组", "r1");
        units.register("临江县审计局", "r2");
        units.reconciled();
        for (List<String> names : List.of(List.of("临江县财政局党组领导班子"), List.<String>of(), List.of("临江县无此局"),
                List.of("临江县审计局", "临江县财政局"), List.of("很长".repeat(60)))) {
            UnitException e = assertThrows(UnitException.class, () -> units.merge(names, "临江县财政局", "test"), names.toString());
            assertTrue(e.getMessage().endsWith("。"), e.getMessage());
        }
        assertThrows(UnitException.class, () -> units.merge(List.of("临江县审计局"), "临江县无此局", "test"));
        assertThrows(UnitException.class, () -> units.unmerge("临江县审计局"));
        assertEquals("临江县审计局", reopened().unitOf("临江县审计局"));
        assertFalse(units.needsReconcile(), "no merge was begun");
        units.merge(List.of("临江县审计局"), "临江县财政局", "test");
        assertTrue(units.needsReconcile(), "until the reports are re-put");
    }
}
