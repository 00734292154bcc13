package org.changchun.layout.feature;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The attribute values of a feature read from a layer, in its field order, behind field names
 * every feature of the same read shares. Unmodifiable. A page of a thousand features read
 * into ordered hash maps cost a map and eleven entries each, copied once more by {@link Feature};
 * this costs one array.
 *
 * <p>A text value may be held as the UTF-8 bytes the database sent, undecoded: whoever reads it
 * through the map gets a string, and a writer of UTF-8 takes the bytes as they are
 * ({@link #utf8(int)}), skipping a decode and an encode per value.
 */
public final class StoredProperties extends AbstractMap<String, Object> {

    /** A layer's field names in order, made once per read and shared by its features. */
    public static final class Names {

        private final String[] names;
        private final Map<String, Integer> positions;

        public Names(List<String> names) {
            this.names = names.toArray(String[]::new);
            this.positions = new HashMap<>();
            for (int i = 0; i < this.names.length; i++) {
                if (positions.put(this.names[i], i) != null) {
                    throw new IllegalArgumentException("field \"" + this.names[i] + "\" is named twice");
                }
            }
        }

        public int size() {
            return names.length;
        }

        public String get(int position) {
            return names[position];
        }

        /** The position of a name, or -1 when it is none of these. */
        public int position(String name) {
            Integer position = positions.get(name);
            return position == null ? -1 : position;
        }
    }

    private final Names names;
    private final Object[] values;

    /**
     * @param values one per name, in the names' order (null for no value), a text as a String or as
     *               its UTF-8 bytes; kept, not copied
     */
    public StoredProperties(Names names, Object[] values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " fields but " + values.length + " values");
        }
        this.names = names;
        this.values = values;
    }

    public Names names() {
        return names;
    }

    /** The value of the field at this position of {@link #names()}. */
    public Object value(int position) {
        return values[position] instanceof byte[] utf8 ? new String(utf8, StandardCharsets.UTF_8) : values[position];
    }

    /** The text at this position as the UTF-8 bytes it was read as, or null if it is not held so. */
    public byte[] utf8(int position) {
        return values[position] instanceof byte[] utf8 ? utf8 : null;
    }

    @Override
    public Object get(Object name) {
        int position = name instanceof String text ? names.position(text) : -1;
        return position < 0 ? null : value(position);
    }

    @Override
    public boolean containsKey(Object name) {
        return names.positions.containsKey(name);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int position = next++;
                        return new SimpleImmutableEntry<>(names.get(position), value(position));
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
