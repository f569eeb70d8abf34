package com.warden.app.files;

/**
 * What can be said about one side of a binary comparison: size, digest (hex) and, for images,
 * the format read from the magic bytes (as core.image_format_of does) and the pixel size from
 * the header. Format and size are null when the bytes are not an image Warden recognises.
 */
public record BinaryInfo(long size, String sha256, String format, Integer width, Integer height) {

    public static BinaryInfo of(byte[] bytes) {
        String format = formatOf(bytes);
        int[] dims = format == null ? null : dimensions(format, bytes);
        return new BinaryInfo(bytes.length, Hex.sha256(bytes), format, dims == null ? null : dims[0], dims == null ? null : dims[1]);
    }

    public boolean image() {
        return format != null;
    }

    public String shortDigest() {
        return Hex.shortDigest(sha256);
    }

    /** png, jpeg, gif or webp from the first bytes; null otherwise. */
    static String formatOf(byte[] b) {
        if (starts(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "png";
        }
        if (starts(b, 0xff, 0xd8, 0xff)) {
            return "jpeg";
        }
        if (starts(b, 0x47, 0x49, 0x46, 0x38) && b.length > 5 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return "gif";
        }
        if (starts(b, 0x52, 0x49, 0x46, 0x46) && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "webp";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] dimensions(String format, byte[] b) {
        try {
            switch (format) {
                case "png":
                    return b.length >= 24 ? new int[] {be32(b, 16), be32(b, 20)} : null;
                case "gif":
                    return b.length >= 10 ? new int[] {le16(b, 6), le16(b, 8)} : null;
                case "webp":
                    return webp(b);
                default:
                    return jpeg(b);
            }
        } catch (RuntimeException e) {
            return null; // a truncated header: no size, the rest still holds
        }
    }

    private static int[] webp(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8X":
                return new int[] {1 + le24(b, 24), 1 + le24(b, 27)};
            case "VP8L": {
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                return new int[] {1 + (bits & 0x3fff), 1 + (bits >> 14 & 0x3fff)};
            }
            case "VP8 ":
                return new int[] {le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff};
            default:
                return null;
        }
    }

    private static int[] jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                return null;
            }
            int marker = b[i + 1] & 0xff;
            int length = (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
            boolean sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof) {
                return new int[] {(b[i + 7] & 0xff) << 8 | (b[i + 8] & 0xff), (b[i + 5] & 0xff) << 8 | (b[i + 6] & 0xff)};
            }
            i += 2 + length;
        }
        return null;
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
