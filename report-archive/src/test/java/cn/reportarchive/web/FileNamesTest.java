package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The names of the files the views send. */
class FileNamesTest {
    @Test
    void fileNamesLoseWhatWindowsRefuses() {
        assertEquals("某局_党组_2022-2023年对比", ViewRoutes.fileName("某局/党组_2022-2023年对比"));
        assertEquals("a_b_c_", ViewRoutes.fileName("a:b*c?"));
    }

    @Test
    void asciiNamesForOldClientsKeepWhatTheyCan() {
        assertEquals("_2022-2023_.xlsx", Downloads.asciiFallback("临江县财政局_2022-2023年对比.xlsx"));
        assertEquals("download.csv", Downloads.asciiFallback("全库雷同材料.csv"));
        assertEquals("report-2023.docx", Downloads.asciiFallback("report-2023.docx"));
    }

}
