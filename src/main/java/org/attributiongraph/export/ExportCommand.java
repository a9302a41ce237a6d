package org.attributiongraph.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.attributiongraph.graph.GraphModel.Tlp;
import org.attributiongraph.web.BadRequestException;
import org.attributiongraph.web.NotFoundException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar attribution-graph.jar export --format F (--root ID | --chain FROM | --blast-radius MSP) --out FILE}:
 * the exports of {@code GET /api/export...}, written to a file from the configured database without
 * the web server. Exit status 0 when written, 1 when the export is refused (unknown id, over the
 * caps), 2 on a usage error.
 */
public final class ExportCommand {

    static final String USAGE = """
            usage: java -jar attribution-graph.jar export --format F
                     (--root ID [--depth N] | --chain FROM [--state ID] [--max-hops N] | --blast-radius MSP [--depth N])
                     [--max-tlp T] --out FILE
              F        stix, graphml, csv (a zip) or cytoscape
              --root   every relationship within N hops (1-3, default 2) of the entity ID
              --chain  the attribution chains from the entity FROM, to the state ID or to every state
              --blast-radius  the provider MSP, its clients within N SERVES hops (1-4, default 2), their
                       countries and sectors, and the threat groups that went after it
              T        the most restrictive marking to include: clear (default), green, amber, amber+strict, red
              The database is the configured one: GRAPH_DATA_DIR for the embedded store, or NEO4J_URI.""";

    private static final Set<String> OPTIONS = Set.of("--format", "--root", "--depth", "--chain", "--state", "--max-hops",
            "--blast-radius", "--max-tlp", "--out");

    private ExportCommand() {
    }

    public static int run(List<String> args, Supplier<ConfigurableApplicationContext> context) {
        return run(args, context, System.out, System.err);
    }

    static int run(List<String> args, Supplier<ConfigurableApplicationContext> context, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (OPTIONS.contains(name)) {
                if (equals >= 0) {
                    options.put(name, arg.substring(equals + 1));
                } else if (i + 1 < args.size()) {
                    options.put(name, args.get(++i));
                } else {
                    return usage(err, arg + " needs a value");
                }
            } else if (!(arg.startsWith("--") && equals > 0)) {
                // --property=value options configure the application (for example --graph.data-dir=...).
                return usage(err, "unknown argument: " + arg);
            }
        }
        long selections = List.of("--root", "--chain", "--blast-radius").stream().filter(options::containsKey).count();
        if (selections != 1) {
            return usage(err, "give exactly one of --root, --chain, --blast-radius");
        }
        if (!options.containsKey("--out") || !options.containsKey("--format")) {
            return usage(err, "--format and --out are required");
        }
        Selection selection;
        ExportFormat format;
        Tlp cap;
        try {
            format = ExportService.format(options.get("--format"));
            cap = ExportService.cap(options.get("--max-tlp"));
            int depth = Integer.parseInt(options.getOrDefault("--depth", "2"));
            if (options.containsKey("--root")) {
                selection = new Selection.Neighbourhood(options.get("--root"), depth);
            } else if (options.containsKey("--chain")) {
                selection = new Selection.Chain(options.get("--chain"), options.get("--state"),
                        Integer.parseInt(options.getOrDefault("--max-hops", "6")));
            } else {
                selection = new Selection.BlastRadius(options.get("--blast-radius"), depth);
            }
        } catch (NumberFormatException e) {
            return usage(err, "--depth and --max-hops take a whole number");
        } catch (BadRequestException e) {
            return usage(err, e.getMessage());
        }
        Path file = Path.of(options.get("--out"));
        err.println("Opening the graph database ...");
        try (var app = context.get()) {
            // Whoever runs the command has the store itself: only --max-tlp narrows what is written.
            var export = app.getBean(ExportService.class).export(selection, format, cap, Tlp.RED);
            var written = export.file();
            Files.write(file, written.content());
            out.printf("Wrote %s: %d nodes, %d relationships, %,d bytes, highest marking TLP:%s%n", file, written.nodes(),
                    written.relationships(), written.content().length, written.highest().word().toUpperCase(java.util.Locale.ROOT));
            if (written.omitted() > 0) {
                out.printf("Left out %d nodes and relationships that %s cannot carry%n", written.omitted(), format.word());
            }
            return 0;
        } catch (BadRequestException | NotFoundException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("error: " + message);
        err.println(USAGE);
        return 2;
    }
}
