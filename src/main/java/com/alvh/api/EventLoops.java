package com.alvh.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/** Hand-overs back to the Vert.x event loop a request arrived on. */
final class EventLoops {

    private EventLoops() {
    }

    /**
     * Runs tasks on the calling thread's Vert.x context, so work completed elsewhere (the audit writer) answers on
     * the request's own event loop instead of the completing thread; runs them directly outside Vert.x.
     */
    static Executor current() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
