package com.alvh.hedge;

import java.time.LocalDate;

/**
 * A VX maturity a layer may sit on.
 *
 * @param rank  0 for the front month as of the evaluation date, 1 for the next, and so on (indexes the profile's β)
 * @param price settlement or quote from the request's curve, null when the curve does not list it
 */
public record VxMaturity(LocalDate expiry, int rank, Double price) {
}
