package org.changchun.layout.feature;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a layer is, as people read it: its id, role, titles and where its data comes from.
 *
 * <p>{@code source} and {@code licence} are the language-neutral (or English) texts the API has
 * always carried; {@code sourceZh}/{@code sourceEn} and {@code licenceZh}/{@code licenceEn} are the
 * same in Chinese and English for pages that show one language at a time. They may be null (an
 * imported layer's source is its file name, the same in every language).
 */
public record LayerDescription(
        String id,
        LayerKind kind,
        String titleZh,
        String titleEn,
        String descriptionZh,
        String descriptionEn,
        String source,
        String accuracy,
        String licence,
        String sourceZh,
        String sourceEn,
        String licenceZh,
        String licenceEn) {

    /** Lower-case words joined by '-', as the collection ids of the plan ("major-zones"). */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    public static final int MAX_ID_LENGTH = 64;

    public LayerDescription {
        Objects.requireNonNull(id, "id");
        if (id.length() > MAX_ID_LENGTH || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("layer id must be lower-case words joined by '-', at most "
                    + MAX_ID_LENGTH + " characters: " + id);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(titleZh, "titleZh");
        Objects.requireNonNull(titleEn, "titleEn");
    }

    /** A description whose source and licence are given in one language-neutral text each. */
    public LayerDescription(String id, LayerKind kind, String titleZh, String titleEn, String descriptionZh,
                            String descriptionEn, String source, String accuracy, String licence) {
        this(id, kind, titleZh, titleEn, descriptionZh, descriptionEn, source, accuracy, licence,
                null, null, null, null);
    }

    /** The descriptions, Chinese then English, joined by " / "; empty when there are none. */
    public String descriptions() {
        StringBuilder text = new StringBuilder();
        if (descriptionZh != null) {
            text.append(descriptionZh);
        }
        if (descriptionEn != null) {
            text.append(text.isEmpty() ? "" : " / ").append(descriptionEn);
        }
        return text.toString();
    }
}
