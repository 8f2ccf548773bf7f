package io.sxs.connector.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.connector.budget.Lane;
import io.sxs.connector.budget.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionSchedulerTest {

    @Test
    void aConnectionWhoseCallHangsDoesNotHoldUpTheOthers() throws Exception {
        try (ConnectionScheduler scheduler = new ConnectionScheduler("t", 2, Clock.systemUTC(), Duration.ofMillis(20))) {
            scheduler.start();
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger slowSteps = new AtomicInteger();
            scheduler.add("slow", job(Lane.WRITE, () -> {
                slowSteps.incrementAndGet();
                hold(release);
                return true;
            }));
            AtomicInteger fastSteps = new AtomicInteger();
            for (int c = 0; c < 5; c++) {
                scheduler.add("fast-" + c, job(Lane.WRITE, () -> fastSteps.incrementAndGet() < 100));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> fastSteps.get() >= 100);
            assertThat(slowSteps.get()).as("the slow connection runs one step at a time").isEqualTo(1);
            release.countDown();
        }
    }

    @Test
    void connectionsTakeTurns() throws Exception {
        try (ConnectionScheduler scheduler = new ConnectionScheduler("t", 1, Clock.systemUTC(), Duration.ofMillis(20))) {
            List<String> order = new CopyOnWriteArrayList<>();
            for (String c : List.of("a", "b", "c")) {
                AtomicInteger left = new AtomicInteger(3);
                scheduler.add(c, job(Lane.READ, () -> {
                    order.add(c);
                    return left.decrementAndGet() > 0;
                }));
            }
            scheduler.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 9);
            assertThat(order).containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c");
        }
    }

    @Test
    void withinAConnectionWritesGoFirst() throws Exception {
        try (ConnectionScheduler scheduler = new ConnectionScheduler("t", 1, Clock.systemUTC(), Duration.ofMillis(20))) {
            List<Lane> order = new CopyOnWriteArrayList<>();
            scheduler.add("c", job(Lane.BACKFILL, () -> order.add(Lane.BACKFILL) && false));
            scheduler.add("c", job(Lane.READ, () -> order.add(Lane.READ) && false));
            scheduler.add("c", job(Lane.WRITE, () -> order.add(Lane.WRITE) && false));
            scheduler.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 3);
            assertThat(order).containsExactly(Lane.WRITE, Lane.READ, Lane.BACKFILL);
        }
    }

    @Test
    void aJobThatMustWaitHoldsNoWorkerAndRunsWhenItsClockTimeComes() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));
        Instant due = clock.instant().plusSeconds(3600);
        try (ConnectionScheduler scheduler = new ConnectionScheduler("t", 1, clock, Duration.ofMillis(10))) {
            AtomicInteger later = new AtomicInteger();
            AtomicInteger now = new AtomicInteger();
            scheduler.add("waits", new Job() {
                public Lane lane() {
                    return Lane.READ;
                }

                public Duration delay() {
                    return clock.instant().isBefore(due) ? Duration.between(clock.instant(), due) : Duration.ZERO;
                }

                public boolean step() {
                    later.incrementAndGet();
                    return false;
                }
            });
            scheduler.add("runs", job(Lane.READ, () -> now.incrementAndGet() < 50));
            scheduler.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> now.get() == 50);
            assertThat(later.get()).isZero();
            clock.advance(Duration.ofHours(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> later.get() == 1);
        }
    }

    @Test
    void removingAConnectionWaitsForItsStepAndStopsIt() throws Exception {
        try (ConnectionScheduler scheduler = new ConnectionScheduler("t", 2, Clock.systemUTC(), Duration.ofMillis(10))) {
            scheduler.start();
            CountDownLatch inStep = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger steps = new AtomicInteger();
            scheduler.add("c", job(Lane.READ, () -> {
                steps.incrementAndGet();
                inStep.countDown();
                hold(release);
                return true;
            }));
            assertThat(inStep.await(5, TimeUnit.SECONDS)).isTrue();
            new Thread(() -> {
                sleep(100);
                release.countDown();
            }).start();
            assertThat(scheduler.removeAndAwait("c", Duration.ofSeconds(5))).isTrue();
            assertThat(scheduler.has("c")).isFalse();
            int after = steps.get();
            sleep(100);
            assertThat(steps.get()).isEqualTo(after);
        }
    }

    @Test
    void aThousandConnectionsShareTheFixedWorkers() throws Exception {
        try (ConnectionScheduler scheduler = new ConnectionScheduler("many", 4, Clock.systemUTC(), Duration.ofMillis(10))) {
            AtomicInteger done = new AtomicInteger();
            for (int c = 0; c < 1000; c++) {
                AtomicInteger left = new AtomicInteger(3);
                scheduler.add("c" + c, job(Lane.READ, () -> {
                    if (left.decrementAndGet() > 0) {
                        return true;
                    }
                    done.incrementAndGet();
                    return false;
                }));
            }
            scheduler.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> done.get() == 1000);
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("many-"))).hasSize(4);
            assertThat(scheduler.steps()).isEqualTo(3000);
        }
    }

    interface Step {
        boolean run();
    }

    private static Job job(Lane lane, Step step) {
        return new Job() {
            public Lane lane() {
                return lane;
            }

            public Duration delay() {
                return Duration.ZERO;
            }

            public boolean step() {
                return step.run();
            }
        };
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
