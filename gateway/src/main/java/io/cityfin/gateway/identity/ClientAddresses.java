package io.cityfin.gateway.identity;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Who a request comes from, for the failed-authentication limit: the connection's remote address, unless that address
 * is a trusted proxy (a load balancer in front of the gateway, configured as addresses or CIDR ranges); then the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries left of it were written by the
 * client and prove nothing). Only IP literals are parsed, never a host name, so no header makes the gateway resolve a
 * name. Without trusted proxies {@code X-Forwarded-For} is ignored.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** More hops than any real chain of proxies; the rest of a longer header is not read. */
    private static final int MAX_HOPS = 20;

    private final List<Range> trustedProxies;

    /**
     * @param trustedProxies IP addresses and CIDR ranges; blank entries and the single word {@code none} name none
     * @throws IllegalArgumentException naming an entry that is not an IP address or a CIDR range
     */
    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::trim)
                .filter(entry -> !entry.isEmpty() && !entry.equalsIgnoreCase("none")).map(Range::parse).toList();
    }

    /**
     * The client's address.
     *
     * @param remote the connection's remote address (IP literal), {@code null} when unknown
     * @param forwardedFor the request's {@code X-Forwarded-For} values, in order
     */
    public String clientOf(@Nullable String remote, List<String> forwardedFor) {
        String client = remote == null ? "unknown" : remote;
        if (remote == null || !isTrusted(remote) || forwardedFor.isEmpty()) {
            return client;
        }
        String[] hops = String.join(",", forwardedFor).split(",", -1);
        for (int i = hops.length - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            Optional<InetAddress> hop = literal(hops[i].trim());
            if (hop.isEmpty()) {
                return client; // written by someone who is not a proxy of ours: the last trusted hop is all we know
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(hop.get())) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return literal(address).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** The address of an IPv4 or IPv6 literal; empty for anything else (never a DNS look-up). */
    static Optional<InetAddress> literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(bare).matches();
        if (!v4 && !(bare.indexOf(':') >= 0 && IPV6.matcher(bare).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address and the length of its network prefix. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "cityfin.gateway.client-address.trusted-proxies: not an IP address or CIDR range: " + entry));
            int bits = parsed.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("cityfin.gateway.client-address.trusted-proxies: bad prefix length in " + entry);
            }
            return new Range(parsed.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int shift = bytes.length * 8 - prefix;
            return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
