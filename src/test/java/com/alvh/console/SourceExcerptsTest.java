package com.alvh.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SourceExcerptsTest {

    @Test
    void aDecisionTableRuleIsShownAsItsRowWithTwoRowsEitherSide() {
        String csv = String.join("\n", "RuleSet,alvh.rules", "Import,x", "", "RuleTable Bands", "CONDITION,ACTION",
                "$m : MarketSnapshot,", "vix >= $param,x", "from,signal", "0,LOW", "15,MID", "25,HIGH");
        // "Bands_10" is the rule Drools generates from spreadsheet row 10 ("15,MID")
        List<Views.SourceLine> lines = SourceExcerpts.rule(csv, "Bands_10");
        assertEquals(List.of(8, 9, 10, 11), lines.stream().map(Views.SourceLine::number).toList());
        assertEquals("15,MID", lines.get(2).text());
        assertEquals(List.of("", "", "hl", ""), lines.stream().map(Views.SourceLine::mark).toList());
    }

    @Test
    void aDrlRuleIsCutFromItsHeaderToItsEnd() {
        String drl = "package p;\n\nrule \"A_2\"\nwhen\nthen\nend\n";
        List<Views.SourceLine> lines = SourceExcerpts.rule(drl, "A_2");
        assertEquals("hl", lines.stream().filter(l -> l.number() == 3).findFirst().orElseThrow().mark());
        assertEquals("hl", lines.stream().filter(l -> l.number() == 6).findFirst().orElseThrow().mark());
    }
}
