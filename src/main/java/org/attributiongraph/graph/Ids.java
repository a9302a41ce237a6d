package org.attributiongraph.graph;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.attributiongraph.graph.GraphModel.NodeType;

/**
 * Deterministic ids for entities that arrive without one: a STIX-style {@code type--uuid} whose
 * UUID is a version 5 UUID of the label and a natural key, so re-imports merge.
 */
public final class Ids {

    /** Fixed namespace of this product's UUIDv5 ids; never change it, or every curated id moves. */
    public static final UUID NAMESPACE = UUID.fromString("6f3d7f0e-5b7a-4d1c-9a53-2a0c4b7d9e11");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    /** The characters a name's words are split on: ASCII blanks and punctuation except the apostrophe. */
    private static final String SEPARATORS = " \t\n\u000B\f\r!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final int UUID_LENGTH = 36;

    private Ids() {
    }

    public static String of(NodeType type, String naturalKey) {
        return type.stixType() + "--" + uuid5(NAMESPACE, type.name() + ":" + naturalKey);
    }

    /** Case-, accent- and spacing-insensitive form of a name, used as natural key and for matching. */
    public static String normalise(String name) {
        String decomposed = Normalizer.isNormalized(name, Normalizer.Form.NFKD) ? name
                : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String lower = decomposed.toLowerCase(Locale.ROOT);
        // By hand rather than a regular expression: this runs for every name and alias of an import.
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (SEPARATORS.indexOf(c) >= 0) {
                gap = true;
            } else {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * Whether the text is an id of the graph: a STIX-style type of lower-case letters, digits and
     * hyphens, starting with a letter, then {@code --} and a lower-case UUID. Checked by hand: it runs
     * for every id an import names, and the equivalent regular expression backtracks over the whole
     * type (it was half of the CSV readers' time).
     */
    public static boolean isId(String text) {
        int type = text.length() - UUID_LENGTH - 2;
        if (type < 1 || !text.startsWith("--", type) || !(text.charAt(0) >= 'a' && text.charAt(0) <= 'z')) {
            return false;
        }
        for (int i = 1; i < type; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(type + 2 + i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits())
                    .array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }
}
