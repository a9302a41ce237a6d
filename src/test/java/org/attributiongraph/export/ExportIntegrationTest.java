package org.attributiongraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.attributiongraph.Fixtures;
import org.attributiongraph.IntegrationTest;

/** Downloads of export files over HTTP, as bytes with their headers; the JSON helpers of the base read only JSON. */
abstract class ExportIntegrationTest extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    record Download(int status, HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A download with the admin test key, whose clearance (red) leaves the cap to {@code maxTlp}. */
    static Download download(URI uri) {
        return download(uri, ADMIN_KEY);
    }

    /** A download with this key, or anonymous when {@code key} is null. */
    static Download download(URI uri, String key) {
        try {
            var request = HttpRequest.newBuilder(uri).GET();
            if (key != null) {
                request.header("X-API-Key", key);
            }
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Download download(String pathAndQuery) {
        return download(uri(pathAndQuery));
    }

    void loadCase(String name) {
        assertThat(post("/api/imports?format=case", "application/json", Fixtures.fixture("export/" + name)).status()).isEqualTo(201);
    }

    /** The entries of a zip, in their order, as text. */
    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Keeps what an export wrote under target/export-actual, to look at when a literal comparison fails. */
    static void keep(String name, byte[] content) {
        try {
            Path dir = Path.of("target", "export-actual");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The graph-level marking of a GraphML file: the {@code <data>} of {@code <graph>} itself whose key is
     * named tlp. (JGraphT's importer reports graph-level data only for graph-only keys, so it is read here.)
     */
    static String graphMarking(String graphml) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(graphml)));
            String key = null;
            var keys = doc.getElementsByTagNameNS("*", "key");
            for (int i = 0; i < keys.getLength(); i++) {
                var element = (org.w3c.dom.Element) keys.item(i);
                if (element.getAttribute("attr.name").equals("tlp")) {
                    key = element.getAttribute("id");
                }
            }
            var graph = doc.getElementsByTagNameNS("*", "graph").item(0);
            for (var child = graph.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof org.w3c.dom.Element element && element.getLocalName().equals("data")
                        && element.getAttribute("key").equals(key)) {
                    return element.getTextContent();
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("not GraphML", e);
        }
    }
}
