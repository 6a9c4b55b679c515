package org.k8sca.kamatera.config.golang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code base64.StdEncoding.DecodeString}: standard alphabet, padding required, CR and LF
 * skipped anywhere, and the error {@code illegal base64 data at input byte N} where N counts bytes
 * of the UTF-8 input including skipped CR/LF. Upstream's "failed to decode script" message embeds
 * that N, so the decoding walk follows Go's quantum-by-quantum algorithm.
 */
public final class GoBase64 {
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private GoBase64() {}

    public static byte[] decodeStd(String text) throws GoParseException {
        byte[] src = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        while (si < src.length) {
            int[] quantum = new int[4];
            int length = 4;
            int trailingGarbageAt = -1;
            for (int j = 0; j < 4; j++) {
                if (si == src.length) {
                    if (j == 0) {
                        return out.toByteArray();
                    }
                    throw corrupt(si - j);
                }
                int in = src[si] & 0xff;
                si++;
                int sextet = in < 0x80 ? ALPHABET.indexOf(in) : -1;
                if (sextet >= 0) {
                    quantum[j] = sextet;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    j--;
                    continue;
                }
                if (in != '=' || j < 2) {
                    throw corrupt(si - 1);
                }
                if (j == 2) {
                    // "==" is expected; the first '=' is consumed.
                    si = skipNewlines(src, si);
                    if (si == src.length) {
                        throw corrupt(src.length);
                    }
                    if (src[si] != '=') {
                        throw corrupt(si - 1);
                    }
                    si++;
                }
                si = skipNewlines(src, si);
                if (si < src.length) {
                    trailingGarbageAt = si;
                }
                length = j;
                break;
            }
            int bits = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
            out.write(bits >> 16);
            if (length >= 3) {
                out.write(bits >> 8);
            }
            if (length == 4) {
                out.write(bits);
            }
            if (trailingGarbageAt >= 0) {
                throw corrupt(trailingGarbageAt);
            }
        }
        return out.toByteArray();
    }

    private static int skipNewlines(byte[] src, int si) {
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
            si++;
        }
        return si;
    }

    private static GoParseException corrupt(int offset) {
        return new GoParseException("illegal base64 data at input byte " + offset);
    }
}
