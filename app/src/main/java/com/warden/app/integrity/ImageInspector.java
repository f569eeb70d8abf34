package com.warden.app.integrity;

import java.util.Arrays;

/**
 * What an image's first and last bytes say: its format by the magic numbers, and whether it
 * ends the way that format must end (PNG with IEND, JPEG with EOI, GIF with its trailer, WebP at
 * the length its RIFF header declares). Only the first and last 16 bytes and the length are
 * needed, so server and client modes share this.
 */
public final class ImageInspector {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final byte[] GIF87 = {'G', 'I', 'F', '8', '7', 'a'};
    private static final byte[] GIF89 = {'G', 'I', 'F', '8', '9', 'a'};

    private ImageInspector() { }

    /** png, jpeg, gif, webp, or null when the bytes start like none of them. */
    public static String formatOf(byte[] head) {
        if (startsWith(head, PNG)) {
            return "png";
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (startsWith(head, GIF87) || startsWith(head, GIF89)) {
            return "gif";
        }
        if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return "webp";
        }
        return null;
    }

    /** Null when the image ends as its format requires, else what is wrong with its end. */
    public static String truncation(String format, byte[] head, byte[] tail, long length) {
        if (format == null) {
            return null;
        }
        switch (format) {
            case "png":
                return endsWith(tail, PNG_END) ? null : "ends before its IEND chunk";
            case "jpeg": {
                int end = tail.length;
                while (end > 0 && tail[end - 1] == 0) {
                    end--; // some writers pad after EOI
                }
                return end >= 2 && (tail[end - 2] & 0xFF) == 0xFF && (tail[end - 1] & 0xFF) == 0xD9
                        ? null : "ends before its end-of-image marker (FF D9)";
            }
            case "gif":
                return tail.length > 0 && tail[tail.length - 1] == 0x3B ? null : "ends before its trailer (3B)";
            case "webp": {
                if (head.length < 8) {
                    return "shorter than its RIFF header";
                }
                long declared = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24;
                return declared + 8 > length ? "is " + length + " bytes but its RIFF header declares " + (declared + 8) : null;
            }
            default:
                return null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        return bytes.length >= suffix.length
                && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
    }
}
