package com.warden.app.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Real token counts (cl100k_base, the GPT-4 family's encoding) through jtokkit. The encoding is
 * loaded once and is thread-safe.
 */
public final class Tokens {
    private static final Encoding ENCODING = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private Tokens() { }

    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    public static String encodingName() {
        return ENCODING.getName();
    }
}
