package com.warden.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void readsTheFormatFromTheMagicBytes() {
        assertThat(ImageInspector.formatOf(hex("89504e470d0a1a0a 0000000d49484452"))).isEqualTo("png");
        assertThat(ImageInspector.formatOf(hex("ffd8ffe000104a46"))).isEqualTo("jpeg");
        assertThat(ImageInspector.formatOf("GIF89a....".getBytes())).isEqualTo("gif");
        assertThat(ImageInspector.formatOf("GIF87a....".getBytes())).isEqualTo("gif");
        assertThat(ImageInspector.formatOf("RIFF\u001a\u0000\u0000\u0000WEBPVP8L".getBytes())).isEqualTo("webp");
        assertThat(ImageInspector.formatOf("RIFF\u001a\u0000\u0000\u0000WAVEfmt ".getBytes())).isNull();
        assertThat(ImageInspector.formatOf("<svg xmlns=".getBytes())).isNull();
        assertThat(ImageInspector.formatOf(new byte[0])).isNull();
    }

    @Test
    void knowsHowEachFormatMustEnd() {
        byte[] pngEnd = hex("0000000049454e44ae426082");
        assertThat(ImageInspector.truncation("png", new byte[0], pngEnd, 100)).isNull();
        assertThat(ImageInspector.truncation("png", new byte[0], hex("0000000049454e44ae42"), 100)).contains("IEND");
        assertThat(ImageInspector.truncation("jpeg", new byte[0], hex("1234ffd9"), 100)).isNull();
        assertThat(ImageInspector.truncation("jpeg", new byte[0], hex("ffd90000"), 100)).as("zero padding after EOI").isNull();
        assertThat(ImageInspector.truncation("jpeg", new byte[0], hex("ffd9aa"), 100)).contains("FF D9");
        assertThat(ImageInspector.truncation("gif", new byte[0], hex("00003b"), 100)).isNull();
        assertThat(ImageInspector.truncation("gif", new byte[0], hex("0000"), 100)).contains("trailer");
        byte[] webpHead = "RIFF\u001a\u0000\u0000\u0000WEBP".getBytes();
        assertThat(ImageInspector.truncation("webp", webpHead, new byte[0], 34)).isNull();
        assertThat(ImageInspector.truncation("webp", webpHead, new byte[0], 20)).contains("declares 34");
        assertThat(ImageInspector.truncation(null, new byte[0], new byte[0], 0)).isNull();
    }
}
