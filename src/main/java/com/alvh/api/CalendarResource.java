package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.alvh.evaluation.InvalidRequestException;
import com.alvh.identity.Roles;
import com.alvh.market.calendar.VxCalendar;

/** The VX monthly expiry calendar, holiday rules applied. */
@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLIENT, Roles.AUDITOR, Roles.STRATEGIST, Roles.OPERATOR})
public class CalendarResource {

    private static final int MAX_YEARS = 30;

    /** Expiries in a range. */
    public record Expiries(List<LocalDate> expiries) {
    }

    @GET
    @Path("vx-expiries")
    public Expiries vxExpiries(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (end.isAfter(start.plusYears(MAX_YEARS))) {
            throw new InvalidRequestException("to", "the range may span at most " + MAX_YEARS + " years");
        }
        return new Expiries(VxCalendar.expiriesBetween(start, end));
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(name, "is required (an ISO date such as 2024-01-01)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "'" + value + "' is not an ISO date such as 2024-01-01");
        }
    }
}
