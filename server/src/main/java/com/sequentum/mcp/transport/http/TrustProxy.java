package com.sequentum.mcp.transport.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code X-Forwarded-For} entries may be believed when finding the client address (for rate limiting).
 * Unset or {@code false}: none — the socket peer is the client. A hop count {@code n}: the n proxies nearest to
 * the server are trusted (so the client is the n-th address counted from the right, socket peer included).
 * A comma list of addresses/CIDR blocks: entries from those proxies are skipped from the right. {@code true}
 * is read as one hop (trusting the left-most entry, as Express does, would let any client pick its own key).
 */
public record TrustProxy(int hops, List<Cidr> proxies) {
    public static final TrustProxy NONE = new TrustProxy(0, List.of());

    public static TrustProxy parse(String raw) {
        if (raw == null || raw.isBlank()) return NONE;
        String t = raw.trim().toLowerCase(Locale.ROOT);
        if (t.equals("false") || t.equals("0")) return NONE;
        if (t.equals("true")) return new TrustProxy(1, List.of());
        if (t.matches("\\d+")) {
            try {
                int n = Integer.parseInt(t);
                if (n <= 64) return new TrustProxy(n, List.of());
            } catch (NumberFormatException ignored) {
                // fall through
            }
            throw new IllegalArgumentException("TRUST_PROXY hop count must be at most 64, got '" + raw + "'");
        }
        List<Cidr> list = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (part.isBlank()) continue;
            list.add(Cidr.parse(part.trim()));
        }
        if (list.isEmpty()) return NONE;
        return new TrustProxy(0, List.copyOf(list));
    }

    public boolean trustsAnything() {
        return hops > 0 || !proxies.isEmpty();
    }

    /** The client address for a request arriving from {@code socketPeer} with the given X-Forwarded-For values. */
    public String clientAddress(String socketPeer, List<String> forwardedFor) {
        if (!trustsAnything() || forwardedFor == null || forwardedFor.isEmpty()) return socketPeer;
        List<String> chain = new ArrayList<>(); // nearest first: socket peer, then XFF right to left
        chain.add(socketPeer);
        List<String> xff = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String p : header.split(",")) {
                String a = stripPort(p.trim());
                if (!a.isEmpty()) xff.add(a);
            }
        }
        for (int i = xff.size() - 1; i >= 0; i--) chain.add(xff.get(i));
        if (hops > 0) return chain.get(Math.min(hops, chain.size() - 1));
        for (String a : chain) {
            if (!isTrustedProxy(a)) return a;
        }
        return chain.get(chain.size() - 1);
    }

    private boolean isTrustedProxy(String address) {
        for (Cidr c : proxies) if (c.contains(address)) return true;
        return false;
    }

    private static String stripPort(String a) {
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end > 0 ? a.substring(1, end) : a;
        }
        int colon = a.indexOf(':');
        if (colon > 0 && colon == a.lastIndexOf(':')) return a.substring(0, colon); // IPv4 with port
        return a;
    }

    /** An address block; a plain address is a /32 or /128 block. */
    public record Cidr(byte[] network, int prefix) {
        public static Cidr parse(String s) {
            String addr = s;
            int prefix = -1;
            int slash = s.indexOf('/');
            if (slash >= 0) {
                addr = s.substring(0, slash);
                try {
                    prefix = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw invalid(s);
                }
            }
            byte[] bytes = literal(addr);
            if (bytes == null) throw invalid(s);
            int max = bytes.length * 8;
            if (prefix == -1) prefix = max;
            if (prefix < 0 || prefix > max) throw invalid(s);
            return new Cidr(bytes, prefix);
        }

        private static IllegalArgumentException invalid(String s) {
            return new IllegalArgumentException("TRUST_PROXY must be false, true, a hop count or a comma list of IP "
                    + "addresses/CIDR blocks; '" + s + "' is none of these");
        }

        public boolean contains(String address) {
            byte[] a = literal(address);
            if (a == null || a.length != network.length) return false;
            BigInteger mask = BigInteger.ONE.shiftLeft(network.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not();
            return new BigInteger(1, a).and(mask).equals(new BigInteger(1, network).and(mask));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(network) * 31 + prefix;
        }
    }

    /** Parses an IP literal without any DNS lookup; null when it is not one. */
    /** Compiled once: {@link #literal} runs for every request (rate-limit key, forwarded-for checks). */
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final java.util.regex.Pattern IPV6ISH = java.util.regex.Pattern.compile("[0-9a-fA-F:.%]+");

    static byte[] literal(String s) {
        if (s == null || s.isEmpty()) return null;
        String a = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        boolean v4 = IPV4.matcher(a).matches();
        boolean v6 = a.contains(":") && IPV6ISH.matcher(a).matches();
        if (!v4 && !v6) return null;
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (Exception e) {
            return null;
        }
    }
}
