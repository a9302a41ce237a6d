package org.attributiongraph;

import java.util.Arrays;
import java.util.List;

import org.attributiongraph.bench.BenchCommand;
import org.attributiongraph.bench.QueryClient;
import org.attributiongraph.export.ExportCommand;
import org.attributiongraph.ingest.GenerateCommand;
import org.attributiongraph.ingest.ImportCommand;
import org.attributiongraph.security.HashKeyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the service, or runs a command ({@code import ...}, {@code generate ...}, {@code bench ...})
 * against the configured database without the web server ({@code hash-key} needs no database).
 */
@SpringBootApplication
public class AttributionGraphApplication {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            System.exit(switch (args[0]) {
                case "import" -> ImportCommand.run(rest, () -> commandContext(rest));
                case "generate" -> GenerateCommand.run(rest, () -> commandContext(rest));
                case "export" -> ExportCommand.run(rest, () -> commandContext(rest));
                case "hash-key" -> HashKeyCommand.run(System.in, System.out, System.err);
                case "bench" -> BenchCommand.run(rest);
                case "bench-queries" -> QueryClient.run(rest);
                default -> {
                    System.err.println("unknown command " + args[0] + "; commands: import, generate, export, bench, hash-key (none: start the service)");
                    yield 2;
                }
            });
        }
        SpringApplication.run(AttributionGraphApplication.class, args);
    }

    /** The application without its web server, quiet, taking {@code --property=value} options. */
    static ConfigurableApplicationContext commandContext(List<String> args) {
        String[] springArgs = args.stream().filter(a -> a.startsWith("--") && a.contains("=") && !a.startsWith("--format="))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AttributionGraphApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("logging.level.root=warn", "logging.level.org.attributiongraph=warn")
                .run(springArgs);
    }
}
