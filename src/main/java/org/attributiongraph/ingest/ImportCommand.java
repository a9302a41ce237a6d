package org.attributiongraph.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar attribution-graph.jar import [--format F] PATH...}: imports files and folders
 * into the configured database without the web server. Each file goes through the same pipeline
 * as an upload; the STIX bundles of one folder (ATT&CK's one-object-per-file layout) are combined
 * into one bundle so their relationships find their ends. Exit status 1 when any file is refused or fails.
 */
public final class ImportCommand {

    static final String USAGE = """
            usage: java -jar attribution-graph.jar import [--format FORMAT] [--batch-commits] PATH...
              PATH     a file, or a folder whose *.json and *.csv files are imported (recursively)
              FORMAT   case, stix, misp, msp-clients, csv-nodes, csv-relationships (default: told from the content)
              --batch-commits  for bulk loads: a large file commits what it creates batch by batch (no
                       transaction memory limit; readers may see part of it while it loads; undone if it
                       fails, or at the next start after a crash). Without it each file is one transaction.
              The database is the configured one: GRAPH_DATA_DIR for the embedded store, or NEO4J_URI.""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final PrintStream err;

    ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One thing to import: a file, or the STIX files of a folder combined. */
    record Unit(String name, String format, byte[] content, int files) {
    }

    /** Runs the command; {@code context} starts the application without its web server. */
    public static int run(List<String> args, Supplier<ConfigurableApplicationContext> context) {
        return new ImportCommand(System.out, System.err).execute(args, context);
    }

    int execute(List<String> args, Supplier<ConfigurableApplicationContext> context) {
        String format = null;
        Commit commit = Commit.FILE;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--format") && i + 1 < args.size()) {
                format = args.get(++i);
            } else if (arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
            } else if (arg.equals("--batch-commits")) {
                commit = Commit.BATCH;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (!arg.startsWith("--")) {
                paths.add(Path.of(arg));
            }
        }
        if (paths.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        List<Unit> units;
        try {
            units = units(paths, format);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        err.println("Opening the graph database ...");
        try (var app = context.get()) {
            return importAll(app.getBean(ImportService.class), units, commit);
        }
    }

    private int importAll(ImportService imports, List<Unit> units, Commit commit) {
        int refused = 0;
        int failed = 0;
        long started = System.nanoTime();
        try (var ahead = new ReadAhead(imports, units.stream().map(u -> new ReadAhead.Source(u.format(), u.name(), u::content)).toList())) {
            for (int i = 0; i < units.size(); i++) {
                Unit unit = units.get(i);
                String label = "[" + (i + 1) + "/" + units.size() + "] " + unit.name();
                long t0 = System.nanoTime();
                try {
                    var result = imports.importRead(ahead.next(),
                            (rows, total) -> err.print("\r" + label + " " + bar(rows, total) + " " + rows + "/" + total + " rows"), commit);
                    err.print("\r\033[K");
                    out.printf("OK       %s (%s%s, %.1f s): nodes %d created, %d updated; relationships %d created, %d updated; "
                                    + "%d merged into existing entities%n",
                            unit.name(), unit.format(), unit.files() > 1 ? ", " + unit.files() + " files" : "", seconds(t0),
                            result.nodes().created(), result.nodes().updated(), result.relationships().created(),
                            result.relationships().updated(), result.merged().size());
                    result.warnings().forEach(w -> out.println("         warning: " + w));
                } catch (ImportRejectedException e) {
                    err.print("\r\033[K");
                    refused++;
                    out.printf("REFUSED  %s (%s): %d problem(s), nothing imported%n", unit.name(), unit.format(), e.problems().size());
                    e.problems().stream().limit(50).forEach(p -> out.println("         " + describe(p)));
                    if (e.problems().size() > 50) {
                        out.println("         ... and " + (e.problems().size() - 50) + " more");
                    }
                } catch (ImportLimitException e) {
                    err.print("\r\033[K");
                    failed++;
                    out.println("FAILED   " + e.getMessage());
                    if (e.limit() == ImportLimitException.Limit.MEMORY && commit == Commit.FILE) {
                        out.println("         Or import it with --batch-commits: its new nodes and relationships are then committed batch by batch.");
                    }
                } catch (UnknownFormatException e) {
                    refused++;
                    out.println("REFUSED  " + unit.name() + ": " + e.getMessage());
                } catch (RuntimeException e) {
                    // Anything else (the database went away, a constraint of its own): this file failed, the next ones still run.
                    err.print("\r\033[K");
                    failed++;
                    out.println("FAILED   " + unit.name() + ": " + e.getMessage());
                }
            }
        }
        out.printf("%d of %d imported, %d refused, %d failed, in %.1f s%n", units.size() - refused - failed, units.size(), refused, failed,
                seconds(started));
        return refused + failed == 0 ? 0 : 1;
    }

    /** A problem on one line; a CSV reader's message names its line and column itself. */
    static String describe(Problem p) {
        String line = p.line() == null ? "" : "line " + p.line();
        if (!line.isEmpty() && p.message().startsWith(line)) {
            return p.message();
        }
        return (line.isEmpty() ? "" : line + " ") + (p.pointer() == null || p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message();
    }

    static String bar(long done, long total) {
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Files as given; folders walked; the STIX files of each folder given combined into one bundle. */
    static List<Unit> units(List<Path> paths, String format) {
        List<Unit> units = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException(path + ": no such file or folder");
            }
            if (!Files.isDirectory(path)) {
                byte[] content = read(path);
                units.add(new Unit(path.toString(), formatOf(path, content, format), content, 1));
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".csv"))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Path> stix = new ArrayList<>();
            for (Path file : files) {
                byte[] content = read(file);
                Optional<String> detected = format != null ? Optional.of(format) : FormatDetector.detect(content);
                if (detected.isEmpty()) {
                    continue; // a folder may hold READMEs' JSON siblings, schemas and the like: skip what is no import format
                }
                if (detected.get().equals("stix")) {
                    stix.add(file);
                } else {
                    units.add(new Unit(file.toString(), detected.get(), content, 1));
                }
            }
            if (!stix.isEmpty()) {
                units.add(new Unit(path.toString(), "stix", combine(stix), stix.size()));
            }
        }
        return units;
    }

    private static String formatOf(Path path, byte[] content, String format) {
        if (format != null) {
            return format;
        }
        return FormatDetector.detect(content).orElseThrow(() -> new IllegalArgumentException(
                path + ": cannot tell the format from the content; give --format"));
    }

    /** One bundle with the objects of all the given bundles; the bundle id is derived from the files, so it is stable. */
    static byte[] combine(List<Path> bundles) {
        ObjectNode combined = JSON.createObjectNode();
        combined.put("type", "bundle");
        ArrayNode objects = JSON.createArrayNode();
        var specVersions = new LinkedHashSet<String>();
        var names = new StringBuilder();
        for (Path file : bundles) {
            JsonNode bundle = JSON.readTree(read(file));
            if (bundle.has("spec_version")) {
                specVersions.add(bundle.get("spec_version").asString());
            }
            bundle.path("objects").forEach(objects::add);
            names.append(file.getFileName()).append('\n');
        }
        combined.put("id", "bundle--" + UUID.nameUUIDFromBytes(names.toString().getBytes(StandardCharsets.UTF_8)).toString());
        if (specVersions.size() == 1) {
            combined.put("spec_version", specVersions.getFirst());
        }
        combined.set("objects", objects);
        return JSON.writeValueAsBytes(combined);
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
