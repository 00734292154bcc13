package org.changchun.layout.shapefile;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names of text encodings as they appear in .cpg files, user overrides and the dBase language
 * driver byte, mapped to Java charsets.
 *
 * <p>Every name of the Chinese GB family (GB2312, GBK, code page 936, GB18030) maps to GB18030:
 * each is a subset of the next, so GB18030 decodes all of them, including the rare characters
 * only GB18030 has.
 */
public final class CodePages {

    /** The charset every name of the GB family maps to. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** What users may type, for messages. */
    static final String ACCEPTED = "UTF-8, GBK, GB2312, GB18030, 936, CP936, 65001, Big5, 950, 1252 (ANSI 1252), "
            + "1250–1258, 437, 850, 866, 874, 932, 949, ISO-8859-1…15 (88591…), "
            + "or any other charset name Java knows";

    private static final Map<Integer, String> WINDOWS_CODE_PAGES = Map.ofEntries(
            Map.entry(65001, "UTF-8"),
            Map.entry(936, "GB18030"), Map.entry(20936, "GB18030"), Map.entry(54936, "GB18030"),
            Map.entry(950, "Big5"), Map.entry(932, "windows-31j"), Map.entry(949, "x-windows-949"),
            Map.entry(874, "x-windows-874"),
            Map.entry(1250, "windows-1250"), Map.entry(1251, "windows-1251"), Map.entry(1252, "windows-1252"),
            Map.entry(1253, "windows-1253"), Map.entry(1254, "windows-1254"), Map.entry(1255, "windows-1255"),
            Map.entry(1256, "windows-1256"), Map.entry(1257, "windows-1257"), Map.entry(1258, "windows-1258"),
            Map.entry(437, "IBM437"), Map.entry(737, "x-IBM737"), Map.entry(850, "IBM850"), Map.entry(852, "IBM852"),
            Map.entry(857, "IBM857"), Map.entry(860, "IBM860"), Map.entry(861, "IBM861"), Map.entry(863, "IBM863"),
            Map.entry(865, "IBM865"), Map.entry(866, "IBM866"));

    /**
     * dBase language driver ids (header byte 29) and their code pages, from the table ESRI and
     * shapelib use. 0x00 (unset) and 0x57 (ArcGIS's and GDAL's "ANSI", no particular code page)
     * are deliberately absent: in practice they say nothing about the text.
     */
    private static final Map<Integer, Integer> LANGUAGE_DRIVERS = Map.ofEntries(
            Map.entry(0x01, 437), Map.entry(0x02, 850), Map.entry(0x03, 1252), Map.entry(0x08, 865),
            Map.entry(0x09, 437), Map.entry(0x0A, 850), Map.entry(0x0B, 437), Map.entry(0x0D, 437),
            Map.entry(0x0E, 850), Map.entry(0x0F, 437), Map.entry(0x10, 850), Map.entry(0x11, 437),
            Map.entry(0x12, 850), Map.entry(0x13, 932), Map.entry(0x14, 850), Map.entry(0x15, 437),
            Map.entry(0x16, 850), Map.entry(0x17, 865), Map.entry(0x18, 437), Map.entry(0x19, 437),
            Map.entry(0x1A, 850), Map.entry(0x1B, 437), Map.entry(0x1C, 863), Map.entry(0x1D, 850),
            Map.entry(0x1F, 852), Map.entry(0x22, 852), Map.entry(0x23, 852), Map.entry(0x24, 860),
            Map.entry(0x25, 850), Map.entry(0x26, 866), Map.entry(0x37, 850), Map.entry(0x40, 852),
            Map.entry(0x4D, 936), Map.entry(0x4E, 949), Map.entry(0x4F, 950), Map.entry(0x50, 874),
            Map.entry(0x58, 1252), Map.entry(0x59, 1252), Map.entry(0x64, 852), Map.entry(0x65, 866),
            Map.entry(0x66, 865), Map.entry(0x67, 861), Map.entry(0x6A, 737), Map.entry(0x6B, 857),
            Map.entry(0x6C, 863), Map.entry(0x78, 950), Map.entry(0x79, 949), Map.entry(0x7A, 936),
            Map.entry(0x7B, 932), Map.entry(0x7C, 874), Map.entry(0x86, 737), Map.entry(0x87, 852),
            Map.entry(0x88, 857), Map.entry(0xC8, 1250), Map.entry(0xC9, 1251), Map.entry(0xCA, 1254),
            Map.entry(0xCB, 1253), Map.entry(0xCC, 1257));

    private CodePages() {
    }

    /**
     * The charset a .cpg value or a user's override names: "UTF-8", "utf8", "GBK", "GB2312",
     * "936", "CP936", "ANSI 936", "GB18030", "65001", "1252", "ANSI 1252", "88591", "Big5", …
     */
    static Optional<Charset> forName(String value) {
        String text = value.strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        for (String prefix : new String[] {"ANSI ", "OEM ", "ANSI_", "OEM_"}) {
            if (upper.startsWith(prefix)) {
                upper = upper.substring(prefix.length()).strip();
            }
        }
        String compact = upper.replace("-", "").replace("_", "").replace(" ", "");
        if (compact.equals("UTF8")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (compact.equals("GBK") || compact.equals("GB2312") || compact.equals("GB18030") || compact.equals("EUCCN")
                || compact.equals("MS936") || compact.equals("XMSWIN936")) {
            return Optional.of(GB18030);
        }
        String digits = compact;
        for (String prefix : new String[] {"CP", "WINDOWS", "IBM", "LDID/"}) {
            if (digits.startsWith(prefix)) {
                digits = digits.substring(prefix.length());
            }
        }
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() <= 5) {
            int number = Integer.parseInt(digits);
            if (compact.startsWith("LDID/")) {
                return languageDriver(number);
            }
            if (digits.startsWith("8859") && digits.length() > 4) {
                return known("ISO-8859-" + digits.substring(4));
            }
            return Optional.ofNullable(WINDOWS_CODE_PAGES.get(number)).flatMap(CodePages::known);
        }
        if (compact.startsWith("ISO8859") && compact.length() > 7) {
            return known("ISO-8859-" + compact.substring(7));
        }
        return known(text);
    }

    /** The charset a dBase language driver id names, or empty for 0x00, 0x57 and unknown ids. */
    static Optional<Charset> languageDriver(int id) {
        Integer codePage = LANGUAGE_DRIVERS.get(id);
        return codePage == null ? Optional.empty()
                : Optional.ofNullable(WINDOWS_CODE_PAGES.get(codePage)).flatMap(CodePages::known);
    }

    /** The Windows code page number a language driver id stands for, for messages. */
    static Optional<Integer> languageDriverCodePage(int id) {
        return Optional.ofNullable(LANGUAGE_DRIVERS.get(id));
    }

    /** How a charset is shown to users: the GB family as "GB18030/GBK". */
    static String display(Charset charset) {
        return charset.equals(GB18030) ? "GB18030/GBK" : charset.name();
    }

    private static Optional<Charset> known(String name) {
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalCharsetNameException e) {
            return Optional.empty();
        }
    }
}
