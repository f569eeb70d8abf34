package com.warden.app.integrity;

import java.util.HexFormat;

/** Digests as people read them. */
final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() { }

    static String of(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    static String digest(String hex) {
        return hex == null ? "no digest recorded" : "sha256 " + hex;
    }

    static String bytes(Long n) {
        return n == null ? "no size" : String.format("%,d bytes", n);
    }
}
