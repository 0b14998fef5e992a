package com.alvh.backtest.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportersTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsCboeIndexHistoryWithUsDates() throws IOException {
        DailyCloses vix3m = IndexHistoryCsv.read(file("vix3m.csv", """
                DATE,OPEN,HIGH,LOW,CLOSE
                09/18/2009,25.910000,26.660000,25.910000,26.540000
                09/21/2009,26.960000,27.240000,26.170000,26.230000
                """));
        assertEquals(2, vix3m.closes().size());
        assertEquals(26.54, vix3m.on(LocalDate.of(2009, 9, 18)));
        assertEquals(26.23, vix3m.on(LocalDate.of(2009, 9, 21)));
    }

    @Test
    void readsCboeIsoDatesAndThePlainFormatWithVolume() throws IOException {
        DailyCloses vix = IndexHistoryCsv.read(file("vix.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n1990-01-02,17.24,17.24,17.24,17.24\n"));
        DailyCloses spx = IndexHistoryCsv.read(file("spx.csv", """
                date,open,high,low,close,volume
                2005-04-12,1181.21,1190.17,1170.85,1187.76,1979830000

                2005-04-13,1187.76,1187.76,1171.40,1173.79,2049740000
                """));
        assertEquals(17.24, vix.on(LocalDate.of(1990, 1, 2)));
        assertEquals(List.of(1187.76, 1173.79), List.copyOf(spx.closes().values()));
    }

    @Test
    void aBadRowNamesTheFileAndTheLine() throws IOException {
        Path bad = file("spx-bad.csv", "date,open,high,low,close\n2005-04-12,1,1,1,1187.76\n2005-04-13,1,1,1,oops\n");
        DataRowException e = assertThrows(DataRowException.class, () -> IndexHistoryCsv.read(bad));
        assertEquals(3, e.line());
        assertEquals(bad, e.file());
        assertTrue(e.getMessage().contains("spx-bad.csv:3"), e.getMessage());
        Path badDate = file("vix-bad.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n13/45/2009,1,1,1,20\n");
        assertEquals(2, assertThrows(DataRowException.class, () -> IndexHistoryCsv.read(badDate)).line());
    }

    @Test
    void readsTheWideCurveWithItsQuotedIndexAndTreatsNaAndZeroAsGaps() throws IOException {
        VxCurveHistory curve = VxCurveCsv.read(file("vx.csv", """
                "","date","M1","M2","M3","M4","M5","M6","M7","M8"
                "1",2004-03-26,NA,20.27,20.2,NA,20.06,NA,NA,20.89
                "2",2007-03-23,13.35,13.8,13.94,14,14.11,0,,14.52
                """));
        LocalDate first = LocalDate.of(2004, 3, 26);
        assertTrue(Double.isNaN(curve.price(first, 0)));
        assertEquals(20.27, curve.price(first, 1));
        assertEquals(20.89, curve.price(first, 7));
        LocalDate second = LocalDate.of(2007, 3, 23);
        assertEquals(13.35, curve.price(second, 0));
        assertTrue(Double.isNaN(curve.price(second, 5)), "0 is a gap");
        assertTrue(Double.isNaN(curve.price(second, 6)), "empty is a gap");
        assertTrue(Double.isNaN(curve.price(LocalDate.of(2010, 1, 4), 0)), "an unknown day has no quote");
    }

    @Test
    void aBadCurveRowNamesTheFileAndTheLine() throws IOException {
        Path bad = file("vx-bad.csv", "date,M1,M2\n2007-03-23,13.35,13.8\n2007-03-26,13.4,x13\n");
        DataRowException e = assertThrows(DataRowException.class, () -> VxCurveCsv.read(bad));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(bad.toString() + ":3"), e.getMessage());
    }

    @Test
    void takesOnlyFlaggedMeetingsFromTheFedFile() throws IOException {
        List<MarketEvent> events = EventsCsv.read(file("fed.csv", """
                date,fed_meeting_date_indicator,fed_non_scheduled_meeting_indicator,fed_projection_materials_indicator,fed_minutes_date_indicator
                2008-01-22,1,1,0,0
                2008-01-30,1,0,0,0
                2008-02-20,0,0,0,1
                """));
        assertEquals(List.of(new MarketEvent(LocalDate.of(2008, 1, 22), "FOMC"),
                new MarketEvent(LocalDate.of(2008, 1, 30), "FOMC")), events);
    }

    @Test
    void readsDateAndTypeEventsSortedByDate() throws IOException {
        List<MarketEvent> events = EventsCsv.read(file("events.csv", "date,type\n2024-08-14,CPI\n2024-07-31,fomc\n"));
        assertEquals(List.of(new MarketEvent(LocalDate.of(2024, 7, 31), "FOMC"),
                new MarketEvent(LocalDate.of(2024, 8, 14), "CPI")), events);
        Path bad = file("events-bad.csv", "date,type\n2024-08-14,CPI\n2024-08-15,not an event\n");
        assertEquals(3, assertThrows(DataRowException.class, () -> EventsCsv.read(bad)).line());
    }
}
