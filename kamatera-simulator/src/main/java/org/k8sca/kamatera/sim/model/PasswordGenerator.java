package org.k8sca.kamatera.sim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * cloudcli-server's {@code __generate__} password: 7 distinct lower-case letters, 7 distinct
 * upper-case letters, 4 distinct digits and 2 distinct symbols of {@code !@#$^&*()~}, in that
 * order; {@code i} and {@code I} never appear.
 */
final class PasswordGenerator {
    private PasswordGenerator() {}

    static String generate(Random random) {
        return pick("abcdefghjklmnopqrstuvwxyz", 7, random)
                + pick("ABCDEFGHJKLMNOPQRSTUVWXYZ", 7, random)
                + pick("0123456789", 4, random)
                + pick("!@#$^&*()~", 2, random);
    }

    private static String pick(String chars, int n, Random random) {
        List<Character> set = new ArrayList<>();
        for (char c : chars.toCharArray()) {
            set.add(c);
        }
        Collections.shuffle(set, random);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(set.get(i));
        }
        return b.toString();
    }
}
