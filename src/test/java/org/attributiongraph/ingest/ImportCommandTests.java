package org.attributiongraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ImportCommandTests {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void formatIsToldFromTheContent() {
        assertThat(FormatDetector.detect(bytes("{\n \"format\": \"attribution-case/1\", \"case\": \"x\"}"))).contains("case");
        assertThat(FormatDetector.detect(bytes("\uFEFF{\"type\": \"bundle\", \"id\": \"bundle--1\"}"))).contains("stix");
        assertThat(FormatDetector.detect(bytes("{\"name\": \"Threat Actor\", \"values\": [ ]}"))).contains("misp");
        assertThat(FormatDetector.detect(bytes(FormatDetector.MSP_CLIENTS_HEADER + "\nA,B,US,,,https://x.org\n"))).contains("msp-clients");
        assertThat(FormatDetector.detect(bytes("id:ID,:LABEL,name\n"))).contains("csv-nodes");
        assertThat(FormatDetector.detect(bytes(":START_ID,:END_ID,:TYPE\n"))).contains("csv-relationships");
        assertThat(FormatDetector.detect(bytes("{\"hello\": 1}"))).isEmpty();
        assertThat(FormatDetector.detect(new byte[0])).isEmpty();
    }

    @Test
    void folderStixFilesAreCombinedAndOtherFilesKeptApart() throws IOException {
        Path stix = Files.createDirectories(dir.resolve("attack/intrusion-set"));
        Files.writeString(stix.resolve("a.json"), "{\"type\":\"bundle\",\"id\":\"bundle--a\",\"spec_version\":\"2.0\",\"objects\":[{\"id\":\"x--1\"}]}");
        Files.writeString(stix.resolve("b.json"), "{\"type\":\"bundle\",\"id\":\"bundle--b\",\"spec_version\":\"2.0\",\"objects\":[{\"id\":\"x--2\"},{\"id\":\"x--3\"}]}");
        Files.writeString(dir.resolve("attack/notes.json"), "{\"not\": \"an import\"}");
        Files.writeString(dir.resolve("attack/clients.csv"), FormatDetector.MSP_CLIENTS_HEADER + "\n");

        var units = ImportCommand.units(List.of(dir.resolve("attack")), null);

        assertThat(units).extracting(ImportCommand.Unit::format, ImportCommand.Unit::files)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("msp-clients", 1), org.assertj.core.groups.Tuple.tuple("stix", 2));
        var bundle = JsonMapper.builder().build().readTree(units.get(1).content());
        assertThat(bundle.get("spec_version").asString()).isEqualTo("2.0");
        assertThat(bundle.get("objects")).hasSize(3);
        assertThat(ImportCommand.units(List.of(dir.resolve("attack")), null).get(1).content()).isEqualTo(units.get(1).content());
    }

    @Test
    void unknownContentAndMissingPathsAreUsageErrors() throws IOException {
        Path odd = Files.writeString(dir.resolve("odd.txt"), "hello");
        assertThatThrownBy(() -> ImportCommand.units(List.of(odd), null)).hasMessageContaining("give --format");
        assertThatThrownBy(() -> ImportCommand.units(List.of(dir.resolve("nope")), null)).hasMessageContaining("no such file");
        assertThat(ImportCommand.units(List.of(odd), "case")).singleElement().extracting(ImportCommand.Unit::format).isEqualTo("case");
    }

    @Test
    void barFills() {
        assertThat(ImportCommand.bar(0, 10)).isEqualTo("[" + ".".repeat(30) + "]");
        assertThat(ImportCommand.bar(5, 10)).isEqualTo("[" + "#".repeat(15) + ".".repeat(15) + "]");
        assertThat(ImportCommand.bar(0, 0)).isEqualTo("[" + "#".repeat(30) + "]");
    }

    @Test
    void aProblemNamesItsLineOnce() {
        assertThat(ImportCommand.describe(new Problem("a.csv", 46, null, "line 46, column country: country is only allowed on a Country")))
                .isEqualTo("line 46, column country: country is only allowed on a Country");
        assertThat(ImportCommand.describe(new Problem("a.json", 21, "/relationships/0/confidence", "confidence 140 is outside 0-100")))
                .isEqualTo("line 21 /relationships/0/confidence: confidence 140 is outside 0-100");
        assertThat(ImportCommand.describe(new Problem("a.csv", null, null, "a relationship refers to x")))
                .isEqualTo("a relationship refers to x");
    }
}
