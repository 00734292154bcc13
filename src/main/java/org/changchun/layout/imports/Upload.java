package org.changchun.layout.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * What was uploaded, saved once into an import's work folder. A file the servlet container has
 * already written to its temporary folder is moved from there, not copied: a zip of a few hundred
 * megabytes is then written once instead of twice, and the disk holds it once while it unpacks.
 */
interface Upload {

    /**
     * Saves the upload as {@code target}, an absolute path that does not exist yet.
     *
     * @return the SHA-256 of its bytes, {@code sha256:} and hexadecimal
     */
    String saveAs(Path target) throws IOException;

    /** Bytes read from a stream, digested as they are copied. */
    static Upload of(InputStream in) {
        return target -> {
            MessageDigest sha256 = sha256();
            try (InputStream digested = new DigestInputStream(in, sha256)) {
                Files.copy(digested, target);
            }
            return hex(sha256);
        };
    }

    /**
     * A file of a multipart request: moved where the container keeps it on the same file system as the
     * target (otherwise the container copies it), then read once for its digest.
     */
    static Upload of(MultipartFile file) {
        return target -> {
            file.transferTo(target.toFile());
            MessageDigest sha256 = sha256();
            try (InputStream digested = new DigestInputStream(Files.newInputStream(target), sha256)) {
                digested.transferTo(OutputStream.nullOutputStream());
            }
            return hex(sha256);
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
