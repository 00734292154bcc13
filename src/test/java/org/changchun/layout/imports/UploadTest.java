package org.changchun.layout.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;

class UploadTest {

    @TempDir
    Path folder;

    private final byte[] bytes = new Random(7).ints(300_000, 0, 256).collect(java.io.ByteArrayOutputStream::new,
            (out, b) -> out.write(b), (a, b) -> a.writeBytes(b.toByteArray())).toByteArray();

    @Test
    void aStreamIsSavedAndDigestedAsItIsCopied() throws Exception {
        Path target = folder.resolve("upload");

        String checksum = Upload.of(new ByteArrayInputStream(bytes)).saveAs(target);

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(checksum).isEqualTo(sha256(bytes));
    }

    @Test
    void aMultipartFileIsSavedAndDigestedFromWhereItLands() throws Exception {
        Path target = folder.resolve("upload").toAbsolutePath();

        String checksum = Upload.of(new MockMultipartFile("file", "行政区.zip", "application/zip", bytes)).saveAs(target);

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        assertThat(checksum).isEqualTo(sha256(bytes));
    }

    @Test
    void aStreamIsNotSavedOverAFileAlreadyThere() throws Exception {
        Path target = Files.writeString(folder.resolve("upload"), "earlier");

        assertThatThrownBy(() -> Upload.of(new ByteArrayInputStream(bytes)).saveAs(target))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("earlier");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
