package com.alvh.api;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.alvh.backtest.BacktestJobs;
import com.alvh.identity.Roles;

/** Backtests as background jobs: submit with the CSV files inline, poll for progress, fetch the reports. */
@Tag(name = "backtests")
@Path("/api/v1/backtests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STRATEGIST)
public class BacktestResource {

    private final BacktestJobs jobs;

    @Inject
    public BacktestResource(BacktestJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Body: profile, date range, CSV texts by role (spx, vix required; vix3m, vxCurve, events optional) and optional
     * overrides of the backtest parameters by name (see BacktestConfig), e.g. {@code {"staticHedgeRatio": 0.25}}.
     */
    public record BacktestBody(@NotBlank String profile, @NotNull LocalDate from, @NotNull LocalDate to,
                               @NotNull Map<String, String> files, Map<String, Object> config) {
    }

    /** A job as answered. */
    public record JobView(String id, String status, String progress, String error, java.time.Instant startedAt,
                          String profile, LocalDate from, LocalDate to) {
        static JobView of(BacktestJobs.Job job) {
            return new JobView(job.id(), job.status(), job.progress(), job.error(), job.startedAt(), job.profile(),
                    job.from(), job.to());
        }
    }

    // roles: strategist
    /** The jobs kept on disk, newest first (finished ones are evicted after alvh.backtests.retention). */
    @GET
    @Operation(operationId = "listBacktests", summary = "Backtest jobs kept on disk, newest first, with their state")
    public java.util.List<JobView> list() {
        return jobs.list().stream().map(JobView::of).toList();
    }

    @POST
    @Operation(operationId = "submitBacktest", summary = "Start a backtest job; 202 with the job and its Location")
    @APIResponse(responseCode = "202", description = "the job, queued; poll its Location",
            headers = @Header(name = "Location", description = "the job's URL", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Response submit(@Valid @NotNull BacktestBody body) {
        var job = jobs.submit(new BacktestJobs.Spec(body.profile(), body.from(), body.to(), body.files(),
                body.config()));
        return Response.accepted(JobView.of(job)).location(URI.create("/api/v1/backtests/" + job.id())).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getBacktest", summary = "Poll a backtest job")
    public JobView status(@PathParam("id") String id) {
        return jobs.find(id).map(JobView::of).orElseThrow(() -> new NotFoundException("no backtest " + id));
    }

    @GET
    @Path("{id}/report.json")
    @Operation(operationId = "getBacktestReportJson", summary = "The finished backtest report as JSON")
    public String reportJson(@PathParam("id") String id) {
        return jobs.report(id, "report.json").orElseThrow(() -> new NotFoundException("no finished backtest " + id));
    }

    @GET
    @Path("{id}/report.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getBacktestReportHtml", summary = "The finished backtest report as HTML with charts")
    public String reportHtml(@PathParam("id") String id) {
        return jobs.report(id, "report.html").orElseThrow(() -> new NotFoundException("no finished backtest " + id));
    }
}
