package com.sequentum.sandbox.state;

import com.sequentum.sandbox.http.ApiException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-memory Control Center account. Every public method is synchronised on this object and first
 * advances simulated time, so live runs and builder sessions progress lazily and consistently.
 */
public final class SandboxState {
    public static final int ORGANIZATION_ID = 7001;
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>()\\]\\[]+");

    final long seed;
    final double timeScale;
    final Instant anchor;
    private final Supplier<Instant> clock;

    final TreeMap<Integer, Space> spaces = new TreeMap<>();
    final TreeMap<Integer, Agent> agents = new TreeMap<>();
    final TreeMap<Integer, Run> runs = new TreeMap<>();
    final Map<Integer, Integer> runAgent = new LinkedHashMap<>();
    final TreeMap<Integer, Schedule> schedules = new TreeMap<>();
    final List<CreditTransaction> transactions = new ArrayList<>();
    final Map<String, BuilderSession> sessions = new LinkedHashMap<>();
    private final List<Run> activeLive = new ArrayList<>();
    private final Random liveRandom;

    int nextAgentId = 101;
    int nextRunId = 5001;
    int nextFileId = 90001;
    int nextScheduleId = 301;
    int nextTxId = 1;

    public SandboxState(long seed, double timeScale, Instant anchor, Supplier<Instant> clock) {
        this.seed = seed;
        this.timeScale = timeScale;
        this.clock = clock;
        this.anchor = anchor != null ? anchor : clock.get().truncatedTo(ChronoUnit.MILLIS);
        this.liveRandom = new Random(seed ^ 0x5DEECE66DL);
        new Seeder(this).seed();
    }

    public long seed() { return seed; }

    /** Discards every change and rebuilds the seeded account (same seed, anchored at the original instant). */
    public synchronized void reset() {
        spaces.clear();
        agents.clear();
        runs.clear();
        runAgent.clear();
        schedules.clear();
        transactions.clear();
        sessions.clear();
        activeLive.clear();
        liveRandom.setSeed(seed ^ 0x5DEECE66DL);
        nextAgentId = 101;
        nextRunId = 5001;
        nextFileId = 90001;
        nextScheduleId = 301;
        nextTxId = 1;
        new Seeder(this).seed();
    }

    public synchronized Instant now() { return clock.get().truncatedTo(ChronoUnit.MILLIS); }

    /** Runs {@code body} under the state lock after advancing simulated time. */
    public synchronized <T> T read(Supplier<T> body) {
        advance();
        return body.get();
    }

    public synchronized void write(Runnable body) {
        advance();
        body.run();
    }

    // ------------------------------------------------------------------ queries (call under lock)

    public Map<Integer, Space> spaces() { return spaces; }
    public Map<Integer, Agent> agents() { return agents; }
    public Map<Integer, Schedule> schedules() { return schedules; }
    public List<CreditTransaction> transactions() { return transactions; }

    /** Runs that are not deleted, in id order. */
    public List<Run> visibleRuns() {
        List<Run> out = new ArrayList<>();
        for (Run r : runs.values()) if (!r.deleted) out.add(r);
        return out;
    }

    /** Every run including deleted ones (billing keeps deleted runs). */
    public List<Run> billableRuns() { return new ArrayList<>(runs.values()); }

    public int agentOf(Run r) { return r.configId; }

    public Agent agent(int id) {
        Agent a = agents.get(id);
        if (a == null) throw ApiException.notFound("Agent with ID " + id + " was not found");
        return a;
    }

    public Space space(int id) {
        Space s = spaces.get(id);
        if (s == null) throw ApiException.notFound("Space with ID " + id + " was not found");
        return s;
    }

    public Space defaultSpace() {
        return spaces.values().stream().filter(s -> s.isDefaultAccess).findFirst().orElse(spaces.firstEntry().getValue());
    }

    public Run run(int agentId, int runId) {
        agent(agentId);
        Run r = runs.get(runId);
        if (r == null || r.deleted || r.configId != agentId) {
            throw ApiException.notFound("Run with ID " + runId + " was not found for agent " + agentId);
        }
        return r;
    }

    public List<Run> runsOf(int agentId) {
        List<Run> out = new ArrayList<>();
        for (Run r : runs.values()) if (r.configId == agentId && !r.deleted) out.add(r);
        out.sort(Comparator.comparing((Run r) -> r.startTime).thenComparing(r -> r.id).reversed());
        return out;
    }

    public Schedule schedule(int agentId, int scheduleId) {
        agent(agentId);
        Schedule s = schedules.get(scheduleId);
        if (s == null || s.configId != agentId) {
            throw ApiException.notFound("Schedule with ID " + scheduleId + " was not found for agent " + agentId);
        }
        return s;
    }

    public long balanceCents() {
        long b = 0;
        for (CreditTransaction t : transactions) b += t.amountCents;
        return b;
    }

    /** Ensures {@code fileSize} reflects the generated content and returns the bytes. */
    public byte[] fileBytes(RunFile f) {
        byte[] b = FileContent.content(seed, agents.get(f.agentId), f);
        f.fileSize = b.length;
        return b;
    }

    public void ensureSizes(List<RunFile> files) {
        for (RunFile f : files) if (f.fileSize <= 0) fileBytes(f);
    }

    // ------------------------------------------------------------------ test helpers

    /** Agents whose runs always fail. */
    public synchronized List<Integer> agentsFailingByDesign() {
        return agents.values().stream().filter(a -> a.failRate >= 1.0).map(a -> a.id).toList();
    }

    /** Agents that ran but never failed. */
    public synchronized List<Integer> agentsNeverFailed() {
        advance();
        List<Integer> out = new ArrayList<>();
        for (Agent a : agents.values()) {
            List<Run> rs = runsOf(a.id);
            if (!rs.isEmpty() && rs.stream().noneMatch(r -> RunStatus.isFailure(r.status))) out.add(a.id);
        }
        return out;
    }

    /** Agents with reliable runs (never fail, no errors) that can be started (not Shared, no active run). */
    public synchronized List<Integer> reliableStartableAgents() {
        advance();
        List<Integer> out = new ArrayList<>();
        for (Agent a : agents.values()) {
            if (a.failRate == 0 && a.errorRate == 0 && !"Shared".equals(a.configType)
                    && runsOf(a.id).stream().noneMatch(r -> RunStatus.isActive(r.status))) out.add(a.id);
        }
        return out;
    }

    public synchronized List<Integer> agentsNeverRan() {
        return agents.values().stream().filter(a -> a.status == null).map(a -> a.id).toList();
    }

    public synchronized List<Integer> activeRunIds() {
        advance();
        return visibleRuns().stream().filter(r -> RunStatus.isActive(r.status)).map(r -> r.id).toList();
    }

    // ------------------------------------------------------------------ run lifecycle

    /** Options of a start request (R3). */
    public record StartOptions(int parallelism, int parallelMaxConcurrency, String parallelExport, Integer proxyPoolId,
                               String inputParameters, int timeoutSeconds, boolean exclusive, boolean waitOnFailure,
                               boolean synchronous, String logLevel, String logMode, String startedBy) {
        public static StartOptions defaults(String startedBy) {
            return new StartOptions(1, 1, "Combined", null, null, 60, true, false, false, "Info", "Text", startedBy);
        }
    }

    public synchronized Run startRun(int agentId, StartOptions o) {
        advance();
        Agent a = agent(agentId);
        if ("Shared".equals(a.configType)) {
            throw ApiException.badRequest("Shared agents cannot be started directly; they are used by other agents.");
        }
        if (o.exclusive() && runsOf(agentId).stream().anyMatch(r -> RunStatus.isActive(r.status))) {
            throw ApiException.badRequest("Agent is already running. Stop the active run or start with IsExclusive=false.");
        }
        Instant now = now();
        Run r = new Run();
        r.id = nextRunId++;
        r.configId = agentId;
        r.organizationId = ORGANIZATION_ID;
        r.status = RunStatus.QUEUED;
        r.startTime = now;
        r.startedBy = o.startedBy();
        r.parallelism = o.parallelism();
        r.parallelSet = o.parallelism() > 1 ? o.parallelExport() : null;
        r.logLevel = o.logLevel();
        r.logMode = o.logMode();
        r.inputParameters = o.inputParameters();
        r.synchronous = o.synchronous();
        Random rnd = new Random(seed * 31 + r.id);
        long queueMs = 500 + rnd.nextInt(1500);
        long startMs = 1000 + rnd.nextInt(2000);
        long runMs = 3000 + rnd.nextInt(22000);
        r.liveSince = now;
        r.startingAtMs = scaled(queueMs);
        r.runningAtMs = scaled(queueMs + startMs);
        r.finishAtMs = scaled(queueMs + startMs + runMs);
        r.simSeconds = Math.max(1, (queueMs + startMs + runMs) / 1000);
        double roll = rnd.nextDouble();
        if (roll < a.failRate) {
            r.plannedOutcome = RunStatus.FAILED;
            r.plannedError = Seeder.errorFor(a, rnd);
        } else if (roll < a.failRate + a.errorRate) {
            r.plannedOutcome = RunStatus.COMPLETED_WITH_ERRORS;
            r.plannedError = "Completed with " + (1 + rnd.nextInt(12)) + " page errors: " + Seeder.errorFor(a, rnd);
        } else {
            r.plannedOutcome = RunStatus.COMPLETED;
        }
        r.plannedRecords = Math.max(1, a.typicalRecords / 2 + rnd.nextInt(Math.max(1, a.typicalRecords)));
        runs.put(r.id, r);
        activeLive.add(r);
        a.status = RunStatus.agentCode(r.status);
        a.lastActivity = now;
        return r;
    }

    private long scaled(long simMs) { return Math.max(1, Math.round(simMs / timeScale)); }

    /** Real instant at which a live run finishes (null for static runs). */
    public synchronized Instant plannedEnd(Run r) {
        return r.liveSince == null ? null : r.liveSince.plusMillis(r.finishAtMs);
    }

    public synchronized void stopRun(int agentId, int runId) {
        advance();
        Run r = run(agentId, runId);
        if (!RunStatus.isActive(r.status)) {
            throw ApiException.badRequest("Run is not active and cannot be stopped (status " + r.status + ").");
        }
        requestStop(r);
    }

    private void requestStop(Run r) {
        if (RunStatus.STOPPING.equals(r.status)) return;
        r.status = RunStatus.STOPPING;
        r.stopAt = now().plusMillis(scaled(1000 + new Random(seed + r.id).nextInt(1000)));
        agents.get(r.configId).status = RunStatus.agentCode(r.status);
        if (!activeLive.contains(r)) activeLive.add(r);
    }

    public synchronized void killRun(int agentId, int runId) {
        advance();
        Run r = run(agentId, runId);
        if (!RunStatus.isActive(r.status)) {
            throw ApiException.badRequest("Run is not active and cannot be killed (status " + r.status + ").");
        }
        if (RunStatus.STOPPING.equals(r.status)) {
            finish(r, RunStatus.STOPPED, now(), "Run was terminated by user.");
        } else {
            requestStop(r);
        }
    }

    public synchronized void deleteRun(int agentId, int runId, String removeMethod) {
        advance();
        Run r = run(agentId, runId);
        if (RunStatus.isActive(r.status)) throw ApiException.badRequest("Run is currently active and cannot be deleted");
        switch (removeMethod) {
            case "RemoveAllFiles" -> r.files.clear();
            case "RemoveAllFilesAndAgentInput" -> {
                r.files.clear();
                r.inputParameters = null;
            }
            default -> {
                r.files.clear();
                r.deleted = true;
                refreshAgentStatus(agents.get(agentId));
            }
        }
    }

    /** Advances all live runs and builder sessions to the current instant. */
    void advance() {
        Instant now = now();
        for (int i = activeLive.size() - 1; i >= 0; i--) {
            Run r = activeLive.get(i);
            step(r, now);
            if (!RunStatus.isActive(r.status)) activeLive.remove(i);
        }
        for (BuilderSession s : sessions.values()) stepSession(s, now);
    }

    private void step(Run r, Instant now) {
        if (!RunStatus.isActive(r.status)) return;
        if (r.stopAt != null) {
            if (!now.isBefore(r.stopAt)) finish(r, RunStatus.STOPPED, r.stopAt, null);
            return;
        }
        if (r.liveSince == null) return;
        long el = now.toEpochMilli() - r.liveSince.toEpochMilli();
        if (el >= r.finishAtMs) {
            finish(r, r.plannedOutcome, r.liveSince.plusMillis(r.finishAtMs), r.plannedError);
            return;
        }
        String st = el >= r.runningAtMs ? RunStatus.RUNNING : el >= r.startingAtMs ? RunStatus.STARTING : RunStatus.QUEUED;
        if (!st.equals(r.status)) {
            r.status = st;
            agents.get(r.configId).status = RunStatus.agentCode(st);
        }
    }

    /** Moves a run into a terminal state, producing stats, files, costs and a credit charge. */
    void finish(Run r, String outcome, Instant end, String error) {
        Agent a = agents.get(r.configId);
        Random rnd = new Random(seed * 17 + r.id);
        r.status = outcome;
        r.endTime = end;
        r.stopAt = null;
        int planned = r.plannedRecords > 0 ? r.plannedRecords : Math.max(1, a.typicalRecords);
        int records;
        switch (outcome) {
            case RunStatus.COMPLETED -> records = planned;
            case RunStatus.COMPLETED_WITH_ERRORS -> records = Math.max(1, planned * (70 + rnd.nextInt(25)) / 100);
            case RunStatus.STOPPED -> {
                long total = r.liveSince == null ? 1 : Math.max(1, r.finishAtMs);
                long el = r.liveSince == null ? 0 : end.toEpochMilli() - r.liveSince.toEpochMilli();
                records = (int) Math.max(0, Math.min(planned, planned * el / total));
            }
            default -> records = RunStatus.FAILED_TO_START.equals(outcome) ? 0 : rnd.nextInt(Math.max(1, planned / 5));
        }
        r.errorMessage = error;
        r.recordsExtracted = records;
        r.recordsExported = RunStatus.hasOutput(outcome) ? records : 0;
        if (r.simSeconds <= 0) r.simSeconds = Math.max(1, r.runtimeSeconds(end));
        Seeder.fillStats(r, a, rnd);
        if (RunStatus.hasOutput(outcome) && records > 0) addFiles(r, a, end);
        Seeder.computeCosts(r, a);
        long cents = r.totalCents();
        if (cents > 0) addTransaction(CreditTransaction.of("Usage", -cents, end, null,
                "Agent run " + r.id + " (" + a.name + ")"));
        refreshAgentStatus(a);
    }

    void addFiles(Run r, Agent a, Instant created) {
        String base = Seeder.slug(a.name) + "-run" + r.id;
        for (String type : new String[] {"CSV", "JSON"}) {
            RunFile f = new RunFile();
            f.id = nextFileId++;
            f.name = base + "." + type.toLowerCase(Locale.ROOT);
            f.fileType = type;
            f.created = created;
            f.runId = r.id;
            f.agentId = a.id;
            f.rows = r.recordsExported;
            r.files.add(f);
        }
    }

    void addTransaction(CreditTransaction t) {
        t.id = nextTxId++;
        transactions.add(t);
    }

    void refreshAgentStatus(Agent a) {
        List<Run> rs = runsOf(a.id);
        if (rs.isEmpty()) {
            a.status = null;
            return;
        }
        Run last = rs.get(0);
        a.status = RunStatus.agentCode(last.status);
        Instant act = last.endTime != null ? last.endTime : last.startTime;
        if (a.lastActivity == null || act.isAfter(a.lastActivity)) a.lastActivity = act;
    }

    // ------------------------------------------------------------------ versions

    public synchronized AgentVersion restoreVersion(int agentId, int version, String comments, String userName) {
        advance();
        Agent a = agent(agentId);
        AgentVersion src = a.versions.stream().filter(v -> v.version == version).findFirst()
                .orElseThrow(() -> ApiException.notFound("Version " + version + " of agent " + agentId + " was not found"));
        AgentVersion v = new AgentVersion();
        v.version = a.versions.stream().mapToInt(x -> x.version).max().orElse(0) + 1;
        v.userName = userName;
        v.created = now();
        v.comments = comments;
        v.fileSize = src.fileSize;
        a.versions.add(v);
        a.version = v.version;
        a.updated = v.created;
        return v;
    }

    // ------------------------------------------------------------------ schedules

    public synchronized Schedule addSchedule(Schedule s) {
        advance();
        agent(s.configId);
        s.id = nextScheduleId++;
        s.created = now();
        s.updated = s.created;
        ScheduleCalc.refresh(s, s.created);
        schedules.put(s.id, s);
        return s;
    }

    public synchronized void deleteSchedule(int agentId, int scheduleId) {
        schedule(agentId, scheduleId);
        schedules.remove(scheduleId);
    }

    // ------------------------------------------------------------------ agent builder

    public synchronized BuilderSession startBuild(String prompt, Integer spaceId) {
        advance();
        Space sp = spaceId == null ? defaultSpace() : space(spaceId);
        BuilderSession s = new BuilderSession();
        s.sessionId = String.format("bld_%016x", liveRandom.nextLong());
        s.prompt = prompt;
        s.spaceId = sp.id;
        s.createdAt = now();
        s.finishAt = s.createdAt.plusMillis(scaled(5000 + liveRandom.nextInt(15000)));
        sessions.put(s.sessionId, s);
        return s;
    }

    public synchronized BuilderSession session(String id) {
        advance();
        BuilderSession s = sessions.get(id);
        if (s == null) throw ApiException.notFound("Agent builder session " + id + " was not found");
        return s;
    }

    public synchronized void stopBuild(String id) {
        BuilderSession s = session(id);
        if ("processing".equals(s.status)) {
            s.status = "cancelled";
            s.error = null;
        }
    }

    private void stepSession(BuilderSession s, Instant now) {
        if (!"processing".equals(s.status) || now.isBefore(s.finishAt)) return;
        Matcher m = URL.matcher(s.prompt);
        if (!m.find()) {
            s.status = "error";
            s.error = "No website URL was found in the prompt. Include the full address of the site to scrape, e.g. https://example.com/products.";
            return;
        }
        String url = m.group().replaceAll("[.,;:!?]+$", "");
        Agent a = new Seeder(this).builderAgent(url, s.prompt, s.spaceId, s.finishAt);
        s.agentId = a.id;
        s.agentName = a.name;
        s.status = "completed";
    }
}
