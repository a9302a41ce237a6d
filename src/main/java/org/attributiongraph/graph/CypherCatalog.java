package org.attributiongraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement the application runs, loaded once from {@code classpath:cypher/**}.
 * Names are paths without the extension ({@code attribution/chains}); asking for a missing one
 * fails at start-up, because services look their queries up in their constructors.
 */
@Component
public final class CypherCatalog {

    private final Map<String, String> statements;

    public CypherCatalog() {
        this.statements = load();
    }

    public String get(String name) {
        String text = statements.get(name);
        if (text == null) {
            throw new IllegalStateException("No Cypher file cypher/" + name + ".cypher on the classpath");
        }
        return text;
    }

    public Map<String, String> all() {
        return statements;
    }

    private static Map<String, String> load() {
        try {
            Map<String, String> found = new TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:cypher/**/*.cypher")) {
                String url = resource.getURL().toString();
                String name = url.substring(url.lastIndexOf("cypher/") + "cypher/".length(), url.length() - ".cypher".length());
                found.put(name, resource.getContentAsString(StandardCharsets.UTF_8));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Cypher files", e);
        }
    }
}
