package dev.sluice.app.pipeline;

import dev.sluice.app.ops.ShutdownSignal;
import dev.sluice.rollout.pipeline.Pipeline;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advances the pipeline: on a schedule (soak times end, windows open, a crashed replica's run is
 * taken over) and at once when something may have opened a gate (a release cut, an approval, a
 * resume; tests turn that off with {@code sluice.pipeline.wake-on-change: false} and advance inline). One pass at a time per replica; replicas coordinate through the controller database.
 */
@Singleton
public class PipelineWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineWorker.class);

    private final Pipeline pipeline;
    private final ExecutorService waker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sluice-pipeline-", 0).factory());
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final boolean wakeOnChange;
    private final ShutdownSignal shutdown;

    PipelineWorker(Pipeline pipeline, @Value("${sluice.pipeline.wake-on-change:true}") boolean wakeOnChange, ShutdownSignal shutdown) {
        this.pipeline = pipeline;
        this.shutdown = shutdown;
        this.wakeOnChange = wakeOnChange;
    }

    @Scheduled(fixedDelay = "${sluice.pipeline.poll:5s}", initialDelay = "${sluice.pipeline.initial-delay:3s}")
    void poll() {
        try {
            advance();
        } catch (RuntimeException e) {
            LOG.warn("Pipeline pass failed, trying again on the next: {}", e.getMessage());
        }
    }

    /** Runs a pass soon, unless one is already waiting to run. */
    public void wake() {
        if (wakeOnChange && wakePending.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakePending.set(false);
                poll();
            });
        }
    }

    /** One pass, in the caller's thread; returns how many deployments ran (none once the controller is stopping). */
    public synchronized int advance() {
        if (!shutdown.enter()) {
            return 0;
        }
        try {
            return pipeline.advance();
        } finally {
            shutdown.leave();
        }
    }

    @PreDestroy
    void stop() {
        waker.shutdown();
    }
}
