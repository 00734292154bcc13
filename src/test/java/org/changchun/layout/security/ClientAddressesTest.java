package org.changchun.layout.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose address a sign-in is counted against, directly and behind proxies. */
class ClientAddressesTest {

    private final ClientAddresses local = addresses(null);

    @Test
    void aDirectClientIsItsPeerWhateverItWritesInXForwardedFor() {
        assertThat(local.of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(addresses(List.of()).of(request("127.0.0.1", "198.51.100.1"))).as("no proxy trusted")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void behindATrustedProxyItIsTheAddressTheProxySaw() {
        assertThat(local.of(request("127.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
        // the client wrote the first entry itself; the proxy appended what it saw
        assertThat(local.of(request("127.0.0.1", "10.9.9.9, 198.51.100.1"))).isEqualTo("198.51.100.1");
        ClientAddresses twoProxies = addresses(List.of("127.0.0.1", "10.0.0.0/8"));
        assertThat(twoProxies.of(request("127.0.0.1", "203.0.113.5, 198.51.100.1, 10.1.2.3"))).isEqualTo("198.51.100.1");
        assertThat(twoProxies.of(request("127.0.0.1", "10.1.2.3", "10.4.5.6"))).as("several headers").isEqualTo("10.1.2.3");
        assertThat(local.of(request("127.0.0.1", "unknown"))).as("no address: the proxy is all we know")
                .isEqualTo("127.0.0.1");
        assertThat(local.of(request("127.0.0.1", "999.1.1.1"))).isEqualTo("127.0.0.1");
        assertThat(local.of(request("127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void readsThePeerBeneathFiltersThatRewriteIt() {
        // what ForwardedHeaderFilter does under server.forward-headers-strategy=framework
        HttpServletRequest rewritten = new HttpServletRequestWrapper(request("203.0.113.7", "198.51.100.1")) {
            @Override
            public String getRemoteAddr() {
                return "198.51.100.1";
            }

            @Override
            public String getHeader(String name) {
                return null;
            }
        };
        assertThat(local.of(rewritten)).isEqualTo("203.0.113.7");
    }

    @Test
    void countsIpv6ByItsSlash64() {
        assertThat(local.of(request("2001:db8:0:1:aaaa:bbbb:cccc:dddd"))).isEqualTo("2001:db8:0:1:0:0:0:0/64");
        assertThat(local.of(request("0:0:0:0:0:0:0:1", "[2001:db8::7]"))).isEqualTo("2001:db8:0:0:0:0:0:0/64");
        assertThat(local.of(request("::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTheFrontDoorTheAddressItSawIsBelievedAndNoFurther() {
        SignInThrottleProperties none = new SignInThrottleProperties(null, null, null, null, null, null, List.of());
        MockHttpServletRequest forged = request("127.0.0.1", "192.0.2.1, 203.0.113.9");

        assertThat(new ClientAddresses(none, () -> true).of(forged)).as("behind the door").isEqualTo("203.0.113.9");
        assertThat(new ClientAddresses(none, () -> false).of(forged)).as("no door, no proxy believed").isEqualTo("127.0.0.1");
        assertThat(new ClientAddresses(none, () -> true).of(request("198.51.100.1", "203.0.113.9")))
                .as("a peer that is not the door").isEqualTo("198.51.100.1");
    }

    private static ClientAddresses addresses(List<String> trustedProxies) {
        return new ClientAddresses(new SignInThrottleProperties(null, null, null, null, null, null, trustedProxies),
                () -> false);
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/session");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }
}
