package com.alvh.condor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.alvh.condor.pricing.OptionType;
import org.junit.jupiter.api.Test;

class CondorLegsTest {

    @Test
    void listsLongPutShortPutShortCallLongCallWithSignedQuantities() {
        CondorLegs condor = new CondorLegs(4900, 5000, 5700, 5800);

        assertEquals(List.of(
                new Leg(OptionType.PUT, 4900, 1),
                new Leg(OptionType.PUT, 5000, -1),
                new Leg(OptionType.CALL, 5700, -1),
                new Leg(OptionType.CALL, 5800, 1)), condor.legs());
    }

    @Test
    void widestWingIsTheWiderOfTheTwoSpreads() {
        assertEquals(150, new CondorLegs(4850, 5000, 5700, 5800).widestWing());
        assertEquals(125, new CondorLegs(4900, 5000, 5700, 5825).widestWing());
    }

    @Test
    void acceptsAnIronButterflyWithBothShortsAtOneStrike() {
        assertDoesNotThrow(() -> new CondorLegs(5200, 5300, 5300, 5400));
    }

    @Test
    void rejectsLegsOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> new CondorLegs(5000, 4900, 5700, 5800));
        assertThrows(IllegalArgumentException.class, () -> new CondorLegs(4900, 5000, 5700, 5700));
        assertThrows(IllegalArgumentException.class, () -> new CondorLegs(4900, 5750, 5700, 5800));
        assertThrows(IllegalArgumentException.class, () -> new CondorLegs(0, 5000, 5700, 5800));
        assertThrows(IllegalArgumentException.class, () -> new CondorLegs(4900, Double.NaN, 5700, 5800));
    }

    @Test
    void rejectsALegWithZeroQuantityOrNonPositiveStrike() {
        assertThrows(IllegalArgumentException.class, () -> new Leg(OptionType.PUT, 5000, 0));
        assertThrows(IllegalArgumentException.class, () -> new Leg(OptionType.CALL, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Leg(null, 5000, 1));
    }
}
