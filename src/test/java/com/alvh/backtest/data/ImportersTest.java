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

    private static Path fixture(String name) {
        return Path.of("src/test/resources/csv-fixtures", name);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void readsTheLongSettlementFileWithBomCrlfQuotesBlankLinesAndNa() {
        VxCurveHistory curve = VxCurveCsv.read(fixture("vx-long.csv"));
        assertEquals(16.10, curve.settle(d("2024-08-20"), d("2024-08-21")));
        assertEquals(17.25, curve.settle(d("2024-08-20"), d("2024-09-18")));
        assertEquals(15.52, curve.settle(d("2024-08-21"), d("2024-08-21")), "the final settlement on the expiry day");
        assertTrue(Double.isNaN(curve.settle(d("2024-08-21"), d("2024-09-18"))), "NA is a gap");
        assertEquals(18.4, curve.settle(d("2024-08-21"), d("2024-10-16")));
        assertEquals(4, curve.size());
    }

    @Test
    void readsTheWideCurveWithExpiriesAndGivesTheSamePricesAsTheLongFile() {
        VxCurveHistory wide = VxCurveCsv.read(fixture("vx-wide.csv"));
        assertEquals(20.16, wide.settle(d("2004-03-26"), d("2004-06-16")));
        assertEquals(2, wide.on(d("2004-03-26")).size(), "the empty third maturity is a gap");
        VxCurveHistory longForm = VxCurveCsv.read(fixture("vx-long.csv"));
        assertEquals(longForm.on(d("2024-08-21")), wide.on(d("2024-08-21")));
    }

    @Test
    void readsTheCurveByRankWithItsQuotedIndexAndTreatsNaAndZeroAsGaps() {
        VxCurveHistory curve = VxCurveCsv.read(fixture("vx-ranked.csv"));
        // 2007-03-23: the listed expiries after the day are 2007-04-18, 05-16, 06-20, 07-18, 08-22, 09-19, 10-17, 11-21.
        assertEquals(13.35, curve.settle(d("2007-03-23"), d("2007-04-18")));
        assertEquals(14.52, curve.settle(d("2007-03-23"), d("2007-11-21")));
        assertEquals(6, curve.on(d("2007-03-23")).size(), "0 and empty are gaps");
        assertEquals(4, curve.on(d("2004-03-26")).size());
        assertTrue(curve.on(d("2010-01-04")).isEmpty(), "an unknown day has no quote");
    }

    @Test
    void readsCboePerContractFilesRescalingQuotesBefore2007() {
        VxCurveHistory curve = VxCurveCsv.read(List.of(fixture("CFE_F14_VX.csv"), fixture("CFE_K07_VX.csv")));
        LocalDate january2014 = d("2014-01-22");
        assertEquals(14.23, curve.settle(d("2014-01-02"), january2014));
        assertTrue(Double.isNaN(curve.settle(d("2014-01-03"), january2014)), "NA settle is a gap");
        LocalDate may2007 = d("2007-05-16");
        assertEquals(13.56, curve.settle(d("2007-03-23"), may2007), 1e-12);
        assertEquals(13.10, curve.settle(d("2007-03-26"), may2007));
    }

    @Test
    void aBadCurveRowNamesTheFileAndTheLine() {
        Path bad = fixture("vx-long-bad.csv");
        DataRowException e = assertThrows(DataRowException.class, () -> VxCurveCsv.read(bad));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(bad + ":3: bad number '17,3'"), e.getMessage());
        DataRowException quote = assertThrows(DataRowException.class,
                () -> VxCurveCsv.read(fixture("vx-long-unclosed-quote.csv")));
        assertTrue(quote.getMessage().contains("vx-long-unclosed-quote.csv:"), quote.getMessage());
        DataRowException notACurve = assertThrows(DataRowException.class,
                () -> VxCurveCsv.read(fixture("cpi-ppi.csv")));
        assertTrue(notACurve.getMessage().contains("not a VX curve"), notACurve.getMessage());
    }

    @Test
    void readsBothPublishedCalendarsWithCpiAndPpiAndWithoutUnscheduledMeetings() {
        List<MarketEvent> events = EventsCsv.read(List.of(fixture("fomc.csv"), fixture("cpi-ppi.csv")));
        assertEquals(List.of(new MarketEvent(d("2020-03-11"), "CPI"), new MarketEvent(d("2020-03-12"), "PPI"),
                new MarketEvent(d("2020-03-18"), "FOMC")), events);
    }

    @Test
    void readsTheSharedHistoryWhole() {
        Path settle = Path.of("../shared/data/vx-settle-2004-2025.csv");
        Path wide = Path.of("../shared/data/vx-curve-m1-m9-2004-2025.csv");
        assertTrue(Files.exists(settle) && Files.exists(wide), "missing " + settle + " or " + wide
                + " (the shared market data beside the project)");
        VxCurveHistory longForm = VxCurveCsv.read(settle);
        // README checks: front month 15.625 on 2018-02-02 and 33.225 on 2018-02-05; 72.625 on 2020-03-16.
        assertEquals(15.625, longForm.settle(d("2018-02-02"), d("2018-02-14")), 1e-9);
        assertEquals(33.225, longForm.settle(d("2018-02-05"), d("2018-02-14")), 1e-9);
        assertEquals(72.625, longForm.settle(d("2020-03-16"), d("2020-03-18")), 1e-9);
        assertEquals(69.76, longForm.settle(d("2020-03-18"), d("2020-03-18")), 1e-9);
        VxCurveHistory wideForm = VxCurveCsv.read(wide);
        assertEquals(longForm.on(d("2020-03-16")), wideForm.on(d("2020-03-16")));
        List<MarketEvent> events = EventsCsv.read(List.of(Path.of("../shared/data/fomc-decision-dates.csv"),
                Path.of("../shared/data/cpi-ppi-release-dates.csv")));
        assertEquals(223 + 252 + 252, events.size());
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
