package com.alvh.condor;

import java.time.LocalDate;

/**
 * The condor position as the rules see it, beside its {@link CondorRisk}.
 *
 * @param creditDollars          credit received in $ (credit per share × 100 × contracts)
 * @param gammaPctOfCredit       |dollar gamma of a 1% SPX move| as % of creditDollars
 */
public record CondorPosition(String id, LocalDate expiry, int contracts, double creditDollars, double gammaPctOfCredit) {
}
