package org.changchun.layout.geo.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A minimal reader of well-known-text coordinate system definitions (WKT1 as OGC and ESRI write
 * it, and the bracket structure of WKT2): a tree of keywords with quoted texts, bare tokens and
 * child nodes. It only parses; meaning is {@link PrjIdentifier}'s business.
 */
final class Wkt {

    /** A keyword and its arguments: {@code String} (quoted text or bare token) or {@code Node}. */
    record Node(String keyword, List<Object> args) {

        /** The first quoted or bare text argument, e.g. a CS's name. */
        String name() {
            return args.isEmpty() || !(args.get(0) instanceof String s) ? "" : s;
        }

        /** The direct children with this keyword (case-insensitive). */
        List<Node> children(String wanted) {
            List<Node> found = new ArrayList<>();
            for (Object arg : args) {
                if (arg instanceof Node node && node.keyword.equalsIgnoreCase(wanted)) {
                    found.add(node);
                }
            }
            return found;
        }

        Optional<Node> child(String wanted) {
            List<Node> found = children(wanted);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }

        /** The n-th argument as a number, if it is one. */
        Optional<Double> number(int index) {
            if (index >= args.size() || !(args.get(index) instanceof String s)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** The n-th argument as text. */
        Optional<String> text(int index) {
            return index < args.size() && args.get(index) instanceof String s ? Optional.of(s) : Optional.empty();
        }
    }

    private final String text;
    private int pos;

    private Wkt(String text) {
        this.text = text;
    }

    /** The root node, or empty if the text is not well-formed WKT. */
    static Optional<Node> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Wkt parser = new Wkt(text.strip().replace("\uFEFF", ""));
        try {
            Node root = parser.node();
            parser.skipSpace();
            return parser.pos == parser.text.length() ? Optional.of(root) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Lower case with everything but letters and digits removed: "D_China_2000" → "dchina2000". */
    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private Node node() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start) {
            throw new IllegalArgumentException("keyword expected at " + pos);
        }
        String keyword = text.substring(start, pos);
        skipSpace();
        char open = text.charAt(pos);
        if (open != '[' && open != '(') {
            throw new IllegalArgumentException("[ expected at " + pos);
        }
        char close = open == '[' ? ']' : ')';
        pos++;
        List<Object> args = new ArrayList<>();
        skipSpace();
        if (text.charAt(pos) == close) {
            pos++;
            return new Node(keyword, args);
        }
        while (true) {
            args.add(argument());
            skipSpace();
            char c = text.charAt(pos++);
            if (c == close) {
                return new Node(keyword, List.copyOf(args));
            }
            if (c != ',') {
                throw new IllegalArgumentException(", expected at " + (pos - 1));
            }
        }
    }

    private Object argument() {
        skipSpace();
        char c = text.charAt(pos);
        if (c == '"') {
            StringBuilder out = new StringBuilder();
            pos++;
            while (true) {
                char d = text.charAt(pos++);
                if (d == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        out.append('"');
                        pos++;
                        continue;
                    }
                    return out.toString();
                }
                out.append(d);
            }
        }
        int start = pos;
        while (pos < text.length() && "[](),".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        int end = pos;
        skipSpace();
        if (pos < text.length() && (text.charAt(pos) == '[' || text.charAt(pos) == '(')) {
            pos = start;
            return node();
        }
        String token = text.substring(start, end).strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException("value expected at " + start);
        }
        return token;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
