package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** ledger --out 台账.pdf wrote an .xlsx under a .pdf name; an extension that names no ledger format is refused. */
class LedgerOutNameTest {
    @Test
    void theFormatComesFromTheNameOrIsRefused() {
        assertEquals("csv", LedgerCommand.format(null, Path.of("台账.CSV")));
        assertEquals("xlsx", LedgerCommand.format(null, Path.of("台账")));
        assertEquals("docx", LedgerCommand.format("docx", Path.of("台账.pdf")), "--format wins over the name");
        for (String name : new String[] {"台账.pdf", "台账.txt", "台账.doc"}) {
            UserError e = assertThrows(UserError.class, () -> LedgerCommand.format(null, Path.of(name)), name);
            assertEquals(Cli.USAGE, e.exitCode(), name);
            assertTrue(e.getMessage().contains(name.substring(name.lastIndexOf('.'))) && e.getMessage().contains("--format"),
                    e.getMessage());
        }
    }
}
