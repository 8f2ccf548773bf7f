package io.sxs.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Random;

/**
 * Faults injected into one tenant's (or company's) API calls, switchable at run time: a share of 500/503 replies
 * (nothing is processed), bursts of 429, slow replies, and replies lost after a write was committed (the connection
 * is closed without any response, so the client cannot know the outcome), and damaged read replies
 * ({@link ReplyCorruption}, for fuzzing readers). Counters ("next N calls") make tests
 * deterministic; rates use a seedable random source.
 */
public final class FaultPlan {

    /** What to do with a call before it is processed. */
    public enum Action { PROCEED, FAIL_500, FAIL_503, THROTTLE }

    private double serverErrorRate;
    private int failNext;
    private int throttleNext;
    private int throttleRetryAfterSeconds = 1;
    private Duration slowDelay = Duration.ZERO;
    private double slowRate;
    private double lostReplyRate;
    private int loseNextReplies;
    private ReplyCorruption readCorruption;
    private long injected;
    private Random random = new Random(1);

    /** A share (0..1) of calls answered 500 or 503 before processing. */
    public synchronized FaultPlan serverErrors(double rate) {
        serverErrorRate = rate;
        return this;
    }

    /** The next {@code n} calls are answered 503 before processing. */
    public synchronized FaultPlan failNext(int n) {
        failNext = n;
        return this;
    }

    /** The next {@code n} calls are answered 429 (Retry-After / reset of {@code retryAfterSeconds}). */
    public synchronized FaultPlan throttleNext(int n, int retryAfterSeconds) {
        throttleNext = n;
        throttleRetryAfterSeconds = retryAfterSeconds;
        return this;
    }

    /** A share (0..1) of calls is answered only after {@code delay}. */
    public synchronized FaultPlan slow(Duration delay, double rate) {
        slowDelay = delay;
        slowRate = rate;
        return this;
    }

    /** A share (0..1) of write calls is committed, then its reply is lost. */
    public synchronized FaultPlan loseReplies(double rate) {
        lostReplyRate = rate;
        return this;
    }

    /** The next {@code n} write calls are committed, then their replies are lost. */
    public synchronized FaultPlan loseNextReplies(int n) {
        loseNextReplies = n;
        return this;
    }

    /** While set (null: off), every read's reply is damaged as {@code corruption} says, after the read ran. */
    public synchronized FaultPlan corruptReads(ReplyCorruption corruption) {
        readCorruption = corruption;
        return this;
    }

    public synchronized FaultPlan seed(long seed) {
        random = new Random(seed);
        return this;
    }

    /** Switches every fault off. */
    public synchronized FaultPlan clear() {
        serverErrorRate = 0;
        failNext = 0;
        throttleNext = 0;
        slowDelay = Duration.ZERO;
        slowRate = 0;
        lostReplyRate = 0;
        loseNextReplies = 0;
        readCorruption = null;
        return this;
    }

    /** How many calls were hit by an injected fault so far. */
    public synchronized long injected() {
        return injected;
    }

    /** Used by the sandboxes: the delay to apply to this call (zero for none). */
    public synchronized Duration delay() {
        if (slowDelay.isZero() || slowRate <= 0 || random.nextDouble() >= slowRate) {
            return Duration.ZERO;
        }
        injected++;
        return slowDelay;
    }

    /** Used by the sandboxes: whether to answer this call with an error instead of processing it. */
    public synchronized Action before() {
        if (throttleNext > 0) {
            throttleNext--;
            injected++;
            return Action.THROTTLE;
        }
        if (failNext > 0) {
            failNext--;
            injected++;
            return Action.FAIL_503;
        }
        if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
            injected++;
            return random.nextBoolean() ? Action.FAIL_500 : Action.FAIL_503;
        }
        return Action.PROCEED;
    }

    public synchronized int throttleRetryAfterSeconds() {
        return throttleRetryAfterSeconds;
    }

    /** Used by the sandboxes after a write was committed: whether to drop its reply. */
    public synchronized boolean loseReply() {
        if (loseNextReplies > 0) {
            loseNextReplies--;
            injected++;
            return true;
        }
        if (lostReplyRate > 0 && random.nextDouble() < lostReplyRate) {
            injected++;
            return true;
        }
        return false;
    }

    /** Used by the sandboxes on a read's reply: the reply as sent, damaged while a corruption is set. */
    public synchronized SandboxResponse afterRead(SandboxResponse reply) {
        if (readCorruption == null || reply.isDropConnection() || reply.body().length == 0) {
            return reply;
        }
        injected++;
        return reply.withBody(readCorruption.apply(reply.body()));
    }

    /** Sleeps for the given delay (slow-reply fault), keeping the interrupt flag. */
    public static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("serverErrorRate", serverErrorRate);
        o.put("failNext", failNext);
        o.put("throttleNext", throttleNext);
        o.put("throttleRetryAfterSeconds", throttleRetryAfterSeconds);
        o.put("slowMillis", slowDelay.toMillis());
        o.put("slowRate", slowRate);
        o.put("lostReplyRate", lostReplyRate);
        o.put("loseNextReplies", loseNextReplies);
        o.put("injected", injected);
        return o;
    }

    /** Applies the fields present in an admin request body (see the README). */
    public synchronized FaultPlan apply(JsonNode b) {
        if (b.path("clear").asBoolean(false)) {
            clear();
        }
        if (b.has("seed")) {
            random = new Random(b.get("seed").asLong());
        }
        if (b.has("serverErrorRate")) {
            serverErrorRate = b.get("serverErrorRate").asDouble();
        }
        if (b.has("failNext")) {
            failNext = b.get("failNext").asInt();
        }
        if (b.has("throttleNext")) {
            throttleNext = b.get("throttleNext").asInt();
        }
        if (b.has("throttleRetryAfterSeconds")) {
            throttleRetryAfterSeconds = b.get("throttleRetryAfterSeconds").asInt();
        }
        if (b.has("slowMillis")) {
            slowDelay = Duration.ofMillis(b.get("slowMillis").asLong());
            slowRate = b.has("slowRate") ? b.get("slowRate").asDouble() : 1.0;
        } else if (b.has("slowRate")) {
            slowRate = b.get("slowRate").asDouble();
        }
        if (b.has("lostReplyRate")) {
            lostReplyRate = b.get("lostReplyRate").asDouble();
        }
        if (b.has("loseNextReplies")) {
            loseNextReplies = b.get("loseNextReplies").asInt();
        }
        return this;
    }
}
