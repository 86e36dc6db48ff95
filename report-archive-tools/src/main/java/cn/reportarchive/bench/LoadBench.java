package cn.reportarchive.bench;

import cn.reportarchive.generate.ArchiveGenerator;
import cn.reportarchive.generate.FormatMix;
import cn.reportarchive.generate.GeneratorOptions;
import cn.reportarchive.parse.Passage;
import cn.reportarchive.parse.Passages;
import cn.reportarchive.parse.Report;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Load on a running server, over HTTP on the loopback: one client imports freshly generated
 * documents (a .docx/.txt mix) one by one, while concurrent clients search and open the reports and
 * originals they find, for a fixed time (and until the imports are done). Counts every answer by
 * kind and status; a 5xx or a failed import is a defect. Prints its method and latency percentiles.
 */
public final class LoadBench {
    public record Settings(URI server, int imports, String formats, int clients, int seconds, long seed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Latencies (ns) and status counts by kind of request: search, report, original, import. */
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    public LoadBench(PrintStream out) {
        this.out = out;
    }

    public void run(Settings s) throws Exception {
        if (!InetAddress.getByName(s.server().getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("负载测试只对本机（127.0.0.1）上的服务进行。");
        }
        Path files = Files.createTempDirectory("bench-load");
        try {
            List<Path> documents = generate(files, s);
            List<String> queries = queries(s);
            out.printf(Locale.ROOT, "method: against %s, 1 client imports %d generated documents (%s, seed %d) one "
                    + "POST /api/reports at a time, while %d clients loop: GET /api/search (a query of %d drawn from "
                    + "the archive's passages, as bench search draws them), then GET /api/reports/{id} of a hit, and "
                    + "every fourth time its /original, for %d s and until the imports are done%n", s.server(),
                    documents.size(), s.formats(), s.seed(), s.clients(), queries.size(), s.seconds());
            load(s, documents, queries);
        } finally {
            try (Stream<Path> walk = Files.walk(files)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private List<Path> generate(Path dir, Settings s) throws IOException {
        new ArchiveGenerator(GeneratorOptions.of(dir, s.imports(), s.seed()).withFormats(FormatMix.parse(s.formats())),
                new PrintStream(OutputStream.nullOutputStream())).run();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".docx") || p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** Queries drawn from the passages of up to 300 reports the server lists. */
    private List<String> queries(Settings s) throws IOException, InterruptedException {
        JsonNode summaries = JSON.readTree(get(s.server(), "/api/reports").body());
        List<String> ids = new ArrayList<>();
        summaries.forEach(n -> ids.add(n.get("id").asText()));
        if (ids.isEmpty()) {
            throw new IllegalStateException("服务上的档案库是空的，没有可检索的材料。");
        }
        Collections.shuffle(ids, new Random(s.seed()));
        List<Passage> passages = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(300, ids.size()))) {
            passages.addAll(Passages.of(JSON.readValue(get(s.server(), "/api/reports/" + id).body(), Report.class)));
        }
        return QueryMix.draw(passages, 1000, s.seed()).stream().map(QueryMix.Query::text).toList();
    }

    private void load(Settings s, List<Path> documents, List<String> queries) throws InterruptedException {
        AtomicBoolean importing = new AtomicBoolean(true);
        long start = System.nanoTime();
        long minimum = start + s.seconds() * 1_000_000_000L;
        Thread importer = new Thread(() -> {
            try {
                for (Path doc : documents) {
                    upload(s.server(), doc);
                }
            } finally {
                importing.set(false);
            }
        }, "importer");
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < s.clients(); c++) {
            Random random = new Random(s.seed() + c);
            clients.add(new Thread(() -> {
                for (int i = 0; importing.get() || System.nanoTime() < minimum; i++) {
                    browse(s.server(), queries.get(random.nextInt(queries.size())), i % 4 == 3, random);
                }
            }, "client-" + c));
        }
        importer.start();
        clients.forEach(Thread::start);
        importer.join();
        long importsDone = System.nanoTime();
        for (Thread t : clients) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report(seconds, (importsDone - start) / 1e9);
    }

    private void browse(URI server, String query, boolean original, Random random) {
        HttpResponse<String> found = timed("search", () -> get(server,
                "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        if (found == null || found.statusCode() != 200) {
            return;
        }
        try {
            JsonNode hits = JSON.readTree(found.body()).get("hits");
            if (hits == null || hits.isEmpty()) {
                return;
            }
            String id = hits.get(random.nextInt(hits.size())).get("reportId").asText();
            timed("report", () -> get(server, "/api/reports/" + id));
            if (original) {
                timed("original", () -> get(server, "/api/reports/" + id + "/original"));
            }
        } catch (IOException e) {
            failures.add("search answer not JSON: " + e.getMessage());
        }
    }

    private void upload(URI server, Path doc) {
        HttpResponse<String> r = timed("import", () -> post(server, doc));
        if (r != null && r.statusCode() != 201 && r.statusCode() != 200) {
            failures.add("import " + doc.getFileName() + ": " + r.statusCode() + " " + r.body());
        }
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private HttpResponse<String> timed(String kind, Call call) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = call.send();
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - t0);
            statuses.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() >= 500) {
                failures.add(kind + ": " + r.statusCode() + " " + r.body());
            }
            return r;
        } catch (IOException e) {
            statuses.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(-1, 1, Integer::sum);
            failures.add(kind + ": no answer (" + e + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void report(double seconds, double importSeconds) {
        out.printf(Locale.ROOT, "ran %.1f s; the imports took %.1f s%n", seconds, importSeconds);
        for (String kind : List.of("search", "report", "original", "import")) {
            List<Long> l = latencies.getOrDefault(kind, List.of());
            long[] nanos;
            synchronized (l) {
                nanos = l.stream().mapToLong(Long::longValue).toArray();
            }
            Percentiles p = new Percentiles(nanos);
            out.printf(Locale.ROOT, "%-8s %6d requests (%.1f/s), statuses %s; latency p50 %.1f ms, p90 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms%n", kind, nanos.length, nanos.length / seconds,
                    statuses.getOrDefault(kind, Map.of()), p.millis(50), p.millis(90), p.millis(99), p.millis(100));
        }
        long serverErrors = statuses.values().stream().flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey() >= 500 || e.getKey() < 0).mapToLong(Map.Entry::getValue).sum();
        out.printf(Locale.ROOT, "5xx or no answer: %d; failed imports: %d%n", serverErrors,
                failures.stream().filter(f -> f.startsWith("import")).count());
        failures.stream().limit(10).forEach(f -> out.println("  " + f));
    }

    private HttpResponse<String> get(URI server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(URI server, Path doc) throws IOException, InterruptedException {
        String boundary = "----" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + doc.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(doc));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        // the page's own origin: an archive without accounts takes writes only from its pages
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/reports")).timeout(Duration.ofSeconds(120))
                .header("Origin", server.getScheme() + "://" + server.getRawAuthority()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
