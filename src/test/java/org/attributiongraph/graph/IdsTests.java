package org.attributiongraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import org.attributiongraph.graph.GraphModel.NodeType;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void uuid5MatchesTheRfcAlgorithm() {
        // Reference value of uuid5(NAMESPACE_DNS, "python.org") from RFC 4122 implementations.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(Ids.uuid5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    }

    @Test
    void idsAreStixShapedAndStable() {
        String id = Ids.of(NodeType.ThreatGroup, Ids.normalise("APT10"));
        assertThat(id).startsWith("intrusion-set--").isEqualTo(Ids.of(NodeType.ThreatGroup, "apt10"));
        assertThat(Ids.of(NodeType.Person, "apt10")).isNotEqualTo(id);
    }

    @Test
    void normaliseIgnoresCaseAccentsAndPunctuation() {
        assertThat(Ids.normalise("  Tieto  Oyj ")).isEqualTo("tieto oyj");
        assertThat(Ids.normalise("Société Générale")).isEqualTo("societe generale");
        assertThat(Ids.normalise("U.S. Department of Justice")).isEqualTo("u s department of justice");
        assertThat(Ids.normalise("People's Republic of China")).isEqualTo("people's republic of china");
    }

    @Test
    void isIdAcceptsExactlyTheStixShapedIds() {
        assertThat(Ids.isId("intrusion-set--843c3af2-36c5-5cd2-813a-0da88069979c")).isTrue();
        assertThat(Ids.isId("x--843c3af2-36c5-5cd2-813a-0da88069979c")).isTrue();
        assertThat(Ids.isId("a--b--843c3af2-36c5-5cd2-813a-0da88069979c")).isTrue();
        assertThat(Ids.isId("--843c3af2-36c5-5cd2-813a-0da88069979c")).isFalse();
        assertThat(Ids.isId("1ntrusion-set--843c3af2-36c5-5cd2-813a-0da88069979c")).isFalse();
        assertThat(Ids.isId("Intrusion-set--843c3af2-36c5-5cd2-813a-0da88069979c")).isFalse();
        assertThat(Ids.isId("intrusion-set--843C3AF2-36c5-5cd2-813a-0da88069979c")).isFalse();
        assertThat(Ids.isId("intrusion-set-843c3af2-36c5-5cd2-813a-0da88069979c")).isFalse();
        assertThat(Ids.isId("intrusion-set--843c3af2-36c5-5cd2-813a-0da88069979")).isFalse();
        assertThat(Ids.isId("intrusion-set--843c3af2-36c5-5cd2-813a-0da88069979cc")).isFalse();
        assertThat(Ids.isId("intrusion-set--843c3af2x36c5-5cd2-813a-0da88069979c")).isFalse();
        assertThat(Ids.isId("")).isFalse();
    }

    /** The hand-written checks must answer exactly as the regular expressions they replaced. */
    @Test
    void handWrittenChecksAgreeWithTheRegularExpressions() {
        Pattern id = Pattern.compile("[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        Pattern marks = Pattern.compile("\\p{M}");
        Pattern separators = Pattern.compile("[\\s\\p{Punct}&&[^']]+");
        String valid = "intrusion-set--843c3af2-36c5-5cd2-813a-0da88069979c";
        String alphabet = "az09-AF'. \t_,é\u00a0\u2003x";
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            // Ids: valid ids with one character replaced, inserted or removed, and random short texts.
            StringBuilder text = new StringBuilder(n % 3 == 0 ? "" : valid);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> { if (at < text.length()) text.setCharAt(at, c); }
                    default -> { if (at < text.length()) text.deleteCharAt(at); }
                }
            }
            String s = text.toString();
            assertThat(Ids.isId(s)).as(s).isEqualTo(id.matcher(s).matches());
            String decomposed = Normalizer.isNormalized(s, Normalizer.Form.NFKD) ? s
                    : marks.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
            assertThat(Ids.normalise(s)).as(s).isEqualTo(separators.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
        }
    }
}
