package com.warden.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warden.app.text.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates every row of one app from its template: the template's own files, versions and
 * sessions, then variant sessions, and at scales M and L synthetic feature files whose import
 * lines are exactly their references. Each app has its own random stream (seed, app index), so
 * the output does not depend on batching or threads.
 */
final class AppGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MODELS = {"claude-3-5-sonnet", "gpt-4o", "claude-3-7-sonnet"};
    private static final String[] APP_PREFIX = {"", "My ", "Team ", "Pocket ", "Simple "};
    private static final String[] FEATURES = {"auth", "settings", "billing", "search", "profile", "notifications",
            "reports", "admin", "onboarding", "analytics", "sharing", "export"};
    private static final String[] PARTS = {"Panel", "List", "Card", "Form", "Header", "Toolbar", "Dialog", "Table",
            "Chart", "Badge", "Menu", "Summary", "Filter", "Editor", "Preview"};
    private static final Map<String, Integer> TOKEN_CACHE = new ConcurrentHashMap<>();

    private final DemoTemplate template;
    private final int appIndex;
    private final int copy;
    private final Scale scale;
    private final Instant anchor;
    private final DemoUsers.User owner;
    private final List<DemoUsers.User> collaborators;
    private final SplittableRandom random;
    private final TableRows out = new TableRows();

    /** path -> file id, and each file's version ids with their times, for references and pins. */
    private final Map<String, UUID> fileIds = new LinkedHashMap<>();
    private final List<String> textPaths = new ArrayList<>();

    AppGenerator(DemoTemplate template, int appIndex, int copy, Scale scale, long seed, Instant anchor,
                 DemoUsers.User owner, List<DemoUsers.User> collaborators) {
        this.template = template;
        this.appIndex = appIndex;
        this.copy = copy;
        this.scale = scale;
        this.anchor = anchor;
        this.owner = owner;
        this.collaborators = collaborators;
        this.random = new SplittableRandom(seed * 1_000_003L + appIndex);
    }

    static String appName(DemoTemplate template, int copy) {
        if (copy == 0) {
            return template.app();
        }
        String name = APP_PREFIX[copy % APP_PREFIX.length] + template.app();
        return copy < APP_PREFIX.length ? name : name + " #" + (copy / APP_PREFIX.length + 1);
    }

    TableRows generate() {
        UUID appId = Ids.next(random);
        Instant appCreated = anchor.minus(Duration.ofDays(40 + random.nextInt(300))).minusSeconds(random.nextInt(86_400));
        out.add("core.apps", appId, owner.id(), appName(template, copy), template.description(), appCreated, anchor);
        for (DemoUsers.User c : collaborators) {
            out.add("core.app_collaborators", appId, c.id(), random.nextInt(4) == 0 ? "viewer" : "editor",
                    appCreated.plus(Duration.ofDays(1 + random.nextInt(10))));
        }

        // --- files of the template, versions written by the scripted sessions
        Map<String, Instant[]> versionTimes = new HashMap<>();
        template.files().forEach((path, versions) -> versionTimes.put(path, new Instant[versions.size()]));
        List<SessionPlan> sessions = planSessions(appCreated);
        for (SessionPlan s : sessions) {
            for (MessagePlan m : s.messages) {
                for (String write : m.writes) {
                    int at = write.lastIndexOf('@');
                    if (at > 0) {
                        Instant[] times = versionTimes.get(write.substring(0, at));
                        int n = parseInt(write.substring(at + 1)) - 1;
                        if (times != null && n >= 0 && n < times.length && times[n] == null) {
                            times[n] = m.at;
                        }
                    }
                }
            }
        }
        template.files().forEach((path, versions) -> fileIds.put(path, Ids.next(random)));
        for (Map.Entry<String, List<byte[]>> f : template.files().entrySet()) {
            writeFile(appId, f.getKey(), f.getValue(), versionTimes.get(f.getKey()), appCreated);
        }
        // one real binary per app: the icon, so binary files are part of every project
        byte[] icon = ImageFactory.png(new SplittableRandom(appIndex)).bytes();
        fileIds.put("public/icon.png", Ids.next(random));
        writeFile(appId, "public/icon.png", List.of(icon), new Instant[] {appCreated}, appCreated);

        Set<String> edgeKeys = new HashSet<>();
        Set<String> known = template.files().keySet();
        for (Map.Entry<String, List<byte[]>> f : template.files().entrySet()) {
            List<byte[]> versions = f.getValue();
            for (ImportGraph.Edge e : ImportGraph.edges(f.getKey(), versions.get(versions.size() - 1), known)) {
                addReference(appId, e.src(), e.dest(), e.type(), appCreated, edgeKeys);
            }
        }
        if (scale.synthetic()) {
            syntheticFiles(appId, appCreated, edgeKeys, sessions);
        }

        // --- sessions and what hangs off them
        int jobsLeft = scale.synthetic() ? Scale.IMAGE_JOBS_PER_APP : -1;
        for (SessionPlan s : sessions) {
            jobsLeft = writeSession(appId, s, jobsLeft, sessions.get(sessions.size() - 1) == s);
        }
        return out;
    }

    // ------------------------------------------------------------------ sessions

    private static final class MessagePlan {
        String role;
        String model;
        String content;
        List<String> writes = List.of();
        Instant at;
    }

    private static final class SessionPlan {
        UUID id;
        DemoUsers.User user;
        String title;
        String status;
        DemoTemplate.SessionScript script; // null for variants
        List<MessagePlan> messages = new ArrayList<>();
        Instant createdAt;
    }

    private List<SessionPlan> planSessions(Instant appCreated) {
        List<SessionPlan> plans = new ArrayList<>();
        int variants = Math.max(0, scale.sessionsPerApp - template.sessions().size());
        // messages per session: the templates' own, and for variants either a spread (S)
        // or an exact share of the scale's per-app total (M, L)
        int scripted = template.sessions().stream().mapToInt(s -> s.messages().size()).sum();
        int[] variantCounts = new int[variants];
        if (scale.messagesPerApp > 0) {
            int remaining = Math.max(variants * 4, scale.messagesPerApp - scripted);
            for (int i = 0; i < variants; i++) {
                variantCounts[i] = 4;
            }
            for (int left = remaining - variants * 4; left > 0; left--) {
                variantCounts[random.nextInt(variants)]++;
            }
        } else {
            for (int i = 0; i < variants; i++) {
                variantCounts[i] = 6 + 2 * random.nextInt(10);
            }
        }
        long span = Duration.between(appCreated, anchor).toSeconds();
        // scripted sessions follow one another; in the first copy of each template they are recent,
        // the golden one resumed over two weeks
        Instant cursor = copy == 0 ? anchor.minus(Duration.ofDays(20)) : appCreated.plusSeconds(600);
        for (int i = 0; i < template.sessions().size(); i++) {
            DemoTemplate.SessionScript script = template.sessions().get(i);
            SessionPlan p = new SessionPlan();
            p.id = Ids.next(random);
            p.user = owner;
            p.title = script.title();
            p.status = script.status();
            p.script = script;
            for (DemoTemplate.ScriptedMessage sm : script.messages()) {
                MessagePlan m = new MessagePlan();
                m.role = sm.role();
                m.model = sm.model() != null ? sm.model() : sm.role().equals("assistant") ? MODELS[0] : null;
                m.content = sm.content();
                m.writes = sm.writes();
                p.messages.add(m);
            }
            Duration length = i == 0 && copy == 0 ? Duration.ofDays(14) : Duration.ofHours(2 + random.nextInt(48));
            spreadTimes(p, cursor, length);
            Instant end = p.messages.isEmpty() ? cursor : p.messages.get(p.messages.size() - 1).at;
            cursor = end.plus(Duration.ofHours(6 + random.nextInt(42)));
            plans.add(p);
        }
        for (int i = 0; i < variants; i++) {
            SessionPlan p = new SessionPlan();
            p.id = Ids.next(random);
            p.user = collaborators.isEmpty() || random.nextInt(3) > 0 ? owner : collaborators.get(random.nextInt(collaborators.size()));
            p.title = pick(template.titleVariants(), i);
            int s = random.nextInt(10);
            p.status = s < 3 ? "active" : s < 7 ? "idle" : "archived";
            String model = MODELS[random.nextInt(MODELS.length)];
            for (int k = 0; k < variantCounts[i]; k++) {
                MessagePlan m = new MessagePlan();
                if (k == 0) {
                    m.role = "user";
                    m.content = p.title + ". " + template.userLines().get(random.nextInt(template.userLines().size()));
                } else if (k % 2 == 1) {
                    m.role = random.nextInt(25) == 0 ? "tool" : "assistant";
                    m.model = m.role.equals("assistant") ? model : null;
                    m.content = m.role.equals("tool")
                            ? "npm run build\n✓ " + (120 + random.nextInt(400)) + " modules transformed.\nbuilt in " + (1 + random.nextInt(9)) + "." + random.nextInt(10) + "s"
                            : template.assistantLines().get(random.nextInt(template.assistantLines().size()));
                } else {
                    m.role = "user";
                    m.content = template.userLines().get(random.nextInt(template.userLines().size()));
                }
                p.messages.add(m);
            }
            Instant start = appCreated.plusSeconds(3600 + random.nextLong(Math.max(1, span - 7200)));
            spreadTimes(p, start, Duration.ofMinutes(20 + random.nextInt(60 * 24 * 3)));
            plans.add(p);
        }
        return plans;
    }

    /** Message times from start over roughly the given span, strictly increasing, never after the anchor. */
    private void spreadTimes(SessionPlan p, Instant start, Duration span) {
        int n = Math.max(1, p.messages.size());
        long step = Math.max(5, span.toSeconds() / n);
        Instant t = start;
        long room = Duration.between(start, anchor).toSeconds();
        if (room < (long) n * 5) {
            t = anchor.minusSeconds((long) n * step + 60);
        }
        p.createdAt = t.minusSeconds(5 + random.nextInt(120));
        for (MessagePlan m : p.messages) {
            t = t.plusSeconds(5 + random.nextLong(step * 2));
            if (t.isAfter(anchor)) {
                t = anchor.minusSeconds(n);
            }
            m.at = t;
        }
        for (int i = 1; i < p.messages.size(); i++) {
            if (!p.messages.get(i).at.isAfter(p.messages.get(i - 1).at)) {
                p.messages.get(i).at = p.messages.get(i - 1).at.plusSeconds(1);
            }
        }
    }

    private int writeSession(UUID appId, SessionPlan s, int jobsLeft, boolean lastSession) {
        Instant last = s.messages.isEmpty() ? s.createdAt : s.messages.get(s.messages.size() - 1).at;
        out.add("core.sessions", s.id, s.user.id(), appId, s.title, s.status, s.createdAt, last, last);
        for (MessagePlan m : s.messages) {
            out.add("core.messages", Ids.next(random), s.id, m.role, m.content, m.model, tokens(m.content), m.at);
            for (String write : m.writes) {
                ObjectNode payload = JSON.createObjectNode();
                int at = write.lastIndexOf('@');
                payload.put("path", at > 0 ? write.substring(0, at) : write);
                payload.put("version", at > 0 ? parseInt(write.substring(at + 1)) : 1);
                out.add("core.events", Ids.next(random), s.id, "file_written", payload.toString(), m.at);
            }
        }
        DemoTemplate.SessionScript golden = template.sessions().isEmpty() ? null : template.sessions().get(0);
        JsonNode memory = s.script != null ? s.script.memory() : null;
        if (memory == null && golden != null && golden.memory() != null && random.nextInt(4) > 0) {
            ObjectNode variant = JSON.createObjectNode();
            variant.put("rolling_summary", "Working on: " + s.title + ". " + firstSentence(golden.memory().path("rolling_summary").asText()));
            variant.set("key_facts", golden.memory().path("key_facts"));
            variant.set("constraints", golden.memory().path("constraints"));
            memory = variant;
        }
        if (memory != null) {
            JsonNode facts = memory.path("key_facts").isObject() ? memory.path("key_facts") : JSON.createObjectNode();
            JsonNode constraints = memory.path("constraints").isArray() ? memory.path("constraints") : JSON.createArrayNode();
            out.add("core.session_memory", s.id, memory.path("rolling_summary").asText(""), facts.toString(), constraints.toString(), last);
        }
        // decisions: the script's own, or a few drawn from the template's pool
        List<JsonNode> decisions = s.script != null ? s.script.decisions() : drawDecisions();
        int d = 0;
        for (JsonNode decision : decisions) {
            Instant at = s.messages.isEmpty() ? last : s.messages.get(Math.min(s.messages.size() - 1, 1 + 2 * d++)).at;
            JsonNode payload = decision.has("payload") ? decision.get("payload") : decision;
            out.add("core.events", Ids.next(random), s.id, decision.path("kind").asText("decision"), payload.toString(), at);
        }
        // working set: the script's pins, or one to three files for most variants
        List<DemoTemplate.Pin> pins = s.script != null ? s.script.pinned() : drawPins();
        Set<UUID> pinned = new HashSet<>();
        for (DemoTemplate.Pin pin : pins) {
            UUID fileId = fileIds.get(pin.path());
            if (fileId != null && pinned.add(fileId)) {
                out.add("core.working_set", s.id, appId, fileId, pin.reason(),
                        "agent".equals(pin.pinnedBy()) ? "agent" : "user", s.createdAt.plusSeconds(30 + pinned.size()));
            }
        }
        // image jobs: the script's own; at M and L exactly IMAGE_JOBS_PER_APP per app
        List<DemoTemplate.ImageJobScript> jobs = new ArrayList<>();
        if (s.script != null) {
            jobs.addAll(s.script.imageJobs());
        } else if (jobsLeft < 0 ? random.nextInt(3) == 0 : jobsLeft > 0) {
            int n = jobsLeft < 0 ? 1 : lastSession ? jobsLeft : Math.min(jobsLeft, 1 + random.nextInt(3));
            for (int i = 0; i < n; i++) {
                jobs.add(new DemoTemplate.ImageJobScript(imagePrompt(), drawStatus()));
            }
        }
        if (jobsLeft >= 0 && lastSession && jobsLeft > jobs.size()) {
            while (jobs.size() < jobsLeft) {
                jobs.add(new DemoTemplate.ImageJobScript(imagePrompt(), drawStatus()));
            }
        }
        if (jobsLeft >= 0 && jobs.size() > jobsLeft) {
            jobs = jobs.subList(0, jobsLeft);
        }
        for (DemoTemplate.ImageJobScript job : jobs) {
            writeImageJob(s, job, last);
        }
        return jobsLeft < 0 ? -1 : jobsLeft - jobs.size();
    }

    private void writeImageJob(SessionPlan s, DemoTemplate.ImageJobScript job, Instant last) {
        UUID jobId = Ids.next(random);
        Instant created = s.messages.isEmpty() ? last : s.messages.get(random.nextInt(s.messages.size())).at;
        String status = job.status();
        boolean finished = status.equals("done") || status.equals("failed");
        Instant completed = finished ? created.plusSeconds(4 + random.nextInt(40)) : null;
        String error = status.equals("failed") ? "Provider returned 429: rate limit exceeded, retries exhausted" : null;
        out.add("core.image_jobs", jobId, s.id, job.prompt(), status, error, created, completed);
        if (status.equals("done")) {
            ImageFactory.Image image = ImageFactory.make(random);
            out.add("core.image_assets", Ids.next(random), jobId, sha256(image.bytes()), (long) image.bytes().length,
                    image.format(), image.width(), image.height(), image.bytes(), completed);
        }
    }

    private String drawStatus() {
        int r = random.nextInt(20);
        return r < 16 ? "done" : r < 18 ? "failed" : r < 19 ? "running" : "queued";
    }

    private String imagePrompt() {
        List<String> prompts = new ArrayList<>();
        template.sessions().forEach(s -> s.imageJobs().forEach(j -> prompts.add(j.prompt())));
        if (prompts.isEmpty()) {
            return "Flat illustration for the " + template.app() + " empty state";
        }
        String base = prompts.get(random.nextInt(prompts.size()));
        String[] tweaks = {"", ", dark background", ", pastel palette", ", 512x512", ", rounded corners", ", monochrome"};
        return base + tweaks[random.nextInt(tweaks.length)];
    }

    private List<JsonNode> drawDecisions() {
        List<JsonNode> pool = new ArrayList<>();
        template.sessions().forEach(s -> pool.addAll(s.decisions()));
        List<JsonNode> chosen = new ArrayList<>();
        int n = pool.isEmpty() ? 0 : random.nextInt(3);
        for (int i = 0; i < n; i++) {
            chosen.add(pool.get(random.nextInt(pool.size())));
        }
        return chosen;
    }

    private List<DemoTemplate.Pin> drawPins() {
        List<DemoTemplate.Pin> pins = new ArrayList<>();
        if (textPaths.isEmpty() || random.nextInt(5) == 0) {
            return pins;
        }
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String path = textPaths.get(random.nextInt(textPaths.size()));
            boolean byAgent = random.nextBoolean();
            pins.add(new DemoTemplate.Pin(path, byAgent ? "Touched by the current change" : "Keep in context while I work on this",
                    byAgent ? "agent" : "user"));
        }
        return pins;
    }

    // ------------------------------------------------------------------ files

    private void writeFile(UUID appId, String path, List<byte[]> versions, Instant[] times, Instant appCreated) {
        UUID fileId = fileIds.get(path);
        boolean binary = isBinary(path);
        if (!binary) {
            textPaths.add(path);
        }
        Instant previous = appCreated;
        UUID head = null;
        byte[] headDigest = null;
        long headSize = 0;
        Instant firstAt = null;
        for (int v = 0; v < versions.size(); v++) {
            Instant at = times[v] == null ? previous.plusSeconds(60) : times[v];
            if (!at.isAfter(previous)) {
                at = previous.plusSeconds(1);
            }
            previous = at;
            firstAt = firstAt == null ? at : firstAt;
            byte[] bytes = versions.get(v);
            UUID versionId = Ids.next(random);
            headDigest = sha256(bytes);
            headSize = bytes.length;
            head = versionId;
            String createdBy = times[v] == null && v > 0 ? owner.email() : "agent";
            out.add("core.file_versions", versionId, fileId, v + 1,
                    binary ? null : new String(bytes, StandardCharsets.UTF_8), binary ? bytes : null,
                    headDigest, headSize, createdBy, at);
        }
        out.add("core.files", fileId, appId, path, binary, mimeType(path), headSize, headDigest, head, firstAt, previous);
    }

    private void addReference(UUID appId, String src, String dest, String type, Instant at, Set<String> keys) {
        UUID s = fileIds.get(src);
        UUID d = fileIds.get(dest);
        if (s != null && d != null && !s.equals(d) && keys.add(src + "\n" + dest + "\n" + type)) {
            out.add("core.file_references", Ids.next(random), appId, s, d, type, at);
        }
    }

    /**
     * Feature files up to FILES_PER_APP, VERSIONS_PER_APP and REFERENCES_PER_APP. Each imports what its
     * references say (mostly earlier files, a few later ones so that cycles exist), and each version
     * adds a real change to the one before.
     */
    private void syntheticFiles(UUID appId, Instant appCreated, Set<String> edgeKeys, List<SessionPlan> sessions) {
        int existingFiles = fileIds.size();
        int count = Scale.FILES_PER_APP - existingFiles;
        if (count <= 0) {
            return;
        }
        List<String> paths = new ArrayList<>();
        Set<String> taken = new HashSet<>(fileIds.keySet());
        for (int i = 0; paths.size() < count; i++) {
            String feature = FEATURES[random.nextInt(FEATURES.length)];
            String name = capitalize(feature) + PARTS[random.nextInt(PARTS.length)] + (i >= 60 ? Integer.toString(i) : "");
            String path = "src/features/" + feature + "/" + name + ".tsx";
            if (taken.add(path)) {
                paths.add(path);
                fileIds.put(path, Ids.next(random));
            }
        }
        // references: each synthetic file draws from earlier files (template code first), cycles now and then
        List<String> targets = new ArrayList<>();
        for (String p : fileIds.keySet()) {
            if (!isBinary(p) && !p.endsWith(".json") && !p.endsWith(".html")) {
                targets.add(p);
            }
        }
        Map<String, List<String>> imports = new LinkedHashMap<>();
        paths.forEach(p -> imports.put(p, new ArrayList<>()));
        int wanted = Scale.REFERENCES_PER_APP - edgeKeys.size();
        int guard = 0;
        while (wanted > 0 && guard++ < 100_000) {
            int si = random.nextInt(paths.size());
            String src = paths.get(si);
            int srcTarget = targets.indexOf(src);
            int destIndex = random.nextInt(20) == 0 || srcTarget <= 0 ? random.nextInt(targets.size()) : random.nextInt(srcTarget);
            String dest = targets.get(destIndex);
            if (dest.equals(src)) {
                continue;
            }
            String type = ImportGraph.typeOf(dest);
            if (edgeKeys.contains(src + "\n" + dest + "\n" + type)) {
                continue;
            }
            addReference(appId, src, dest, type, appCreated, edgeKeys);
            imports.get(src).add(dest);
            wanted--;
        }
        // versions: at least one each, the rest spread; times inside the variant sessions
        int versionsLeft = Scale.VERSIONS_PER_APP - template.versionCount() - 1;
        int[] versionCounts = new int[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            versionCounts[i] = 1;
        }
        for (int left = versionsLeft - paths.size(); left > 0; left--) {
            versionCounts[random.nextInt(paths.size())]++;
        }
        List<Instant> sessionTimes = new ArrayList<>();
        for (SessionPlan s : sessions) {
            if (s.script == null) {
                s.messages.stream().filter(m -> "assistant".equals(m.role)).forEach(m -> sessionTimes.add(m.at));
            }
        }
        sessionTimes.sort(null);
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            List<byte[]> versions = syntheticVersions(path, imports.get(path), versionCounts[i]);
            Instant[] times = new Instant[versions.size()];
            if (!sessionTimes.isEmpty()) {
                int start = random.nextInt(sessionTimes.size());
                for (int v = 0; v < times.length; v++) {
                    times[v] = sessionTimes.get(Math.min(sessionTimes.size() - 1, start + v * (1 + random.nextInt(3))));
                }
            }
            writeFile(appId, path, versions, times, appCreated);
        }
    }

    private List<byte[]> syntheticVersions(String path, List<String> imports, int count) {
        String component = path.substring(path.lastIndexOf('/') + 1, path.lastIndexOf('.'));
        StringBuilder head = new StringBuilder("import { useState } from 'react';\n");
        int k = 0;
        for (String dest : imports) {
            String spec = relative(path, dest);
            String type = ImportGraph.typeOf(dest);
            if (type.equals("style")) {
                head.append("import '").append(spec).append("';\n");
            } else if (type.equals("asset")) {
                head.append("import asset").append(k++).append(" from '").append(spec).append("';\n");
            } else {
                String base = dest.substring(dest.lastIndexOf('/') + 1).replaceAll("\\.[^.]+$", "");
                head.append("import * as ").append(identifier(base)).append(k++).append(" from '").append(spec).append("';\n");
            }
        }
        List<String> body = new ArrayList<>();
        body.add("");
        body.add("export interface " + component + "Props {");
        body.add("  title?: string;");
        body.add("}");
        body.add("");
        body.add("export function " + component + "({ title = '" + component + "' }: " + component + "Props) {");
        body.add("  const [open, setOpen] = useState(false);");
        body.add("  return (");
        body.add("    <section className=\"" + component.toLowerCase() + "\">");
        body.add("      <h2 onClick={() => setOpen(!open)}>{title}</h2>");
        body.add("      {open && <p>Nothing here yet.</p>}");
        body.add("    </section>");
        body.add("  );");
        body.add("}");
        List<byte[]> versions = new ArrayList<>();
        for (int v = 1; v <= count; v++) {
            if (v > 1) {
                // a real edit each time: a new piece of state and the markup that shows it
                String field = FEATURE_FIELDS[random.nextInt(FEATURE_FIELDS.length)] + v;
                int stateLine = body.indexOf("  const [open, setOpen] = useState(false);");
                body.add(stateLine + 1, "  const [" + field + ", set" + capitalize(field) + "] = useState<string>('');");
                int closing = body.lastIndexOf("    </section>");
                body.add(closing, "      <input aria-label=\"" + field + "\" value={" + field + "} onChange={(e) => set"
                        + capitalize(field) + "(e.target.value)} />");
            }
            versions.add((head + String.join("\n", body) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return versions;
    }

    private static final String[] FEATURE_FIELDS = {"query", "label", "note", "email", "amount", "tag", "owner", "status", "filter", "comment"};

    // ------------------------------------------------------------------ helpers

    static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder s = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) {
            s.append("../");
        }
        if (s.length() == 0) {
            s.append("./");
        }
        for (int i = common; i < b.length; i++) {
            s.append(b[i]);
            if (i < b.length - 1) {
                s.append('/');
            }
        }
        String spec = s.toString();
        return spec.matches(".*\\.(tsx?|jsx?)$") ? spec.replaceAll("\\.(tsx?|jsx?)$", "") : spec;
    }

    private static String identifier(String base) {
        String id = base.replaceAll("[^A-Za-z0-9]", "");
        return id.isEmpty() || Character.isDigit(id.charAt(0)) ? "m" + id : id;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        return dot > 0 ? text.substring(0, dot + 1) : text;
    }

    private static String pick(List<String> list, int i) {
        return list.isEmpty() ? "Follow-up work" : list.get(i % list.size());
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean isBinary(String path) {
        return path.matches(".*\\.(png|jpe?g|gif|webp|ico|woff2?)$");
    }

    static String mimeType(String path) {
        String p = path.toLowerCase();
        if (p.endsWith(".tsx")) return "text/tsx";
        if (p.endsWith(".ts")) return "text/typescript";
        if (p.endsWith(".js") || p.endsWith(".jsx")) return "text/javascript";
        if (p.endsWith(".css")) return "text/css";
        if (p.endsWith(".json")) return "application/json";
        if (p.endsWith(".html")) return "text/html";
        if (p.endsWith(".md")) return "text/markdown";
        if (p.endsWith(".svg")) return "image/svg+xml";
        if (p.endsWith(".png")) return "image/png";
        if (p.endsWith(".jpg") || p.endsWith(".jpeg")) return "image/jpeg";
        if (p.endsWith(".gif")) return "image/gif";
        if (p.endsWith(".webp")) return "image/webp";
        return "text/plain";
    }

    static int tokens(String content) {
        // contents repeat a lot at scale M; a real count once per distinct text
        if (content.length() > 4096) {
            return Tokens.count(content);
        }
        return TOKEN_CACHE.computeIfAbsent(content, Tokens::count);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
