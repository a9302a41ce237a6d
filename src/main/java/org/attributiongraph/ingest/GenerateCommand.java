package org.attributiongraph.ingest;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar attribution-graph.jar generate --orgs N --seed S}: writes the synthetic MSP
 * ecosystem into the configured database, batch by batch, with progress.
 */
public final class GenerateCommand {

    static final String USAGE = """
            usage: java -jar attribution-graph.jar generate [--orgs N] [--seed S]
              N   organizations to generate, at least 20 (default 10000); 0.5% of them are providers
              S   random seed (default 1); the same N and S always give the same graph""";

    private GenerateCommand() {
    }

    public static int run(List<String> args, Supplier<ConfigurableApplicationContext> context) {
        return run(args, context, System.out, System.err);
    }

    static int run(List<String> args, Supplier<ConfigurableApplicationContext> context, PrintStream out, PrintStream err) {
        int orgs = 10_000;
        long seed = 1;
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--orgs") && i + 1 < args.size()) {
                    orgs = Integer.parseInt(args.get(++i).replace("_", ""));
                } else if (arg.equals("--seed") && i + 1 < args.size()) {
                    seed = Long.parseLong(args.get(++i));
                } else if (arg.equals("-h") || arg.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                } else if (!(arg.startsWith("--") && arg.contains("="))) {
                    err.println("unknown argument: " + arg);
                    err.println(USAGE);
                    return 2;
                }
            }
            if (orgs < 20) {
                throw new NumberFormatException("--orgs must be at least 20");
            }
        } catch (NumberFormatException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String file = "synthetic-ecosystem-" + seed;
        err.println("Opening the graph database ...");
        try (var app = context.get()) {
            var imports = app.getBean(ImportService.class);
            long started = System.nanoTime();
            int chunks = 3 + (orgs + SyntheticEcosystem.CHUNK - 1) / SyntheticEcosystem.CHUNK;
            int[] done = {0};
            long[] created = {0, 0};
            var summary = new SyntheticEcosystem(orgs, seed).generate(batch -> {
                var result = imports.writeGenerated(file, batch);
                created[0] += result.nodes().created();
                created[1] += result.relationships().created();
                done[0]++;
                err.print("\r" + ImportCommand.bar(done[0], chunks) + " batch " + done[0] + "/" + chunks);
            });
            err.print("\r\033[K");
            out.printf("Generated %d organizations (%d providers), %d threat groups, %d relationships in %.1f s "
                            + "(%d nodes and %d relationships new)%n",
                    summary.organizations(), summary.providers(), summary.groups(), summary.relationships(),
                    (System.nanoTime() - started) / 1e9, created[0], created[1]);
            out.println("Largest provider: " + summary.largestProvider());
            out.println("Median provider:  " + summary.medianProvider());
            out.println("A threat group:   " + summary.firstGroup());
            return 0;
        }
    }
}
