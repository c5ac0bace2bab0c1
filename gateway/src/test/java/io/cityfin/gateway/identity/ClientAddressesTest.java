package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", " 192.0.2.1 ", "2001:db8::/32", ""));
    private final ClientAddresses direct = new ClientAddresses(List.of("none"));

    @Test
    void takesTheRemoteAddressWhenItIsNoTrustedProxy() {
        assertThat(direct.clientOf("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(behindProxies.clientOf("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void takesTheRightMostForwardedAddressThatIsNoTrustedProxy() {
        assertThat(behindProxies.clientOf("10.1.2.3", List.of("1.1.1.1, 198.51.100.7, 10.4.5.6"))).isEqualTo("198.51.100.7");
        assertThat(behindProxies.clientOf("192.0.2.1", List.of("1.1.1.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(behindProxies.clientOf("2001:db8::1", List.of("[2001:db9::5]"))).isEqualTo("2001:db9:0:0:0:0:0:5");
    }

    @Test
    void fallsBackToTheLastTrustedHopWhenAnEntryIsNoAddressOrAllAreProxies() {
        assertThat(behindProxies.clientOf("10.1.2.3", List.of("evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(behindProxies.clientOf("10.1.2.3", List.of("198.51.100.7, not-an-ip, 10.9.9.9"))).isEqualTo("10.9.9.9");
        assertThat(behindProxies.clientOf("10.1.2.3", List.of("10.2.2.2, 10.3.3.3"))).isEqualTo("10.2.2.2");
        assertThat(behindProxies.clientOf("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
        assertThat(behindProxies.clientOf(null, List.of("198.51.100.7"))).isEqualTo("unknown");
    }

    @Test
    void neverResolvesANameFromAHeader() {
        assertThat(ClientAddresses.literal("localhost")).isEmpty();
        assertThat(ClientAddresses.literal("1.2.3.4.nip.io")).isEmpty();
        assertThat(ClientAddresses.literal("::ffff:10.0.0.1")).isPresent();
    }

    @Test
    void refusesATrustedProxyThatIsNoAddressOrRange() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("bad prefix length");
    }
}
