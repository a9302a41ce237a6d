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
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}&&[^']]+");

    private Ids() {
    }

    public static String of(NodeType type, String naturalKey) {
        return type.stixType() + "--" + uuid5(NAMESPACE, type.name() + ":" + naturalKey);
    }

    /** Case-, accent- and spacing-insensitive form of a name, used as natural key and for matching. */
    public static String normalise(String name) {
        String decomposed = Normalizer.isNormalized(name, Normalizer.Form.NFKD) ? name
                : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return SEPARATORS.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
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
