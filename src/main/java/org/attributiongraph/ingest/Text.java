package org.attributiongraph.ingest;

/** The one check every reader applies to the text it takes in. */
final class Text {

    private Text() {
    }

    /**
     * The first character no field may hold, described for a problem message ("the control character
     * U+0000"), or null when there is none. Tab, line feed and carriage return are allowed: descriptions
     * span lines.
     */
    static String badCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "the control character U+%04X".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "the unpaired surrogate U+%04X".formatted((int) c);
            }
        }
        return null;
    }
}
