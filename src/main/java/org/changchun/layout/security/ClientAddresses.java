package org.changchun.layout.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, as the sign-in throttle counts it. It starts from the TCP
 * peer as Tomcat saw it, not from {@code getRemoteAddr()} of the request the filters see:
 * {@code server.forward-headers-strategy=framework} makes that one the first
 * {@code X-Forwarded-For} entry, which any client can write. Only when the peer is one of
 * {@code plan.security.sign-in-throttle.trusted-proxies} is the last entry of
 * {@code X-Forwarded-For} (the address that proxy saw) taken instead, and so on leftwards while
 * the entries are trusted proxies too, the way Tomcat's RemoteIpValve reads the header. Behind
 * the service's own front door the peer is the door, on the loopback address, and the last entry
 * is the address the door saw: that one hop is always believed, whatever the list says. IPv6
 * addresses count by their /64 network, which one subscriber usually holds whole.
 */
@Component
class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trustedProxies;
    /** Whether requests reach the servlet container through the front door (it names the container's port when it opens). */
    private final BooleanSupplier behindFrontDoor;

    @Autowired
    ClientAddresses(SignInThrottleProperties properties, Environment environment) {
        this(properties, () -> environment.containsProperty("local.container.port"));
    }

    ClientAddresses(SignInThrottleProperties properties, BooleanSupplier behindFrontDoor) {
        this.trustedProxies = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
        this.behindFrontDoor = behindFrontDoor;
    }

    /** The client address of the request: an IPv4 address, or an IPv6 /64 network such as {@code 2001:db8:0:1:0:0:0:0/64}. */
    String of(HttpServletRequest request) {
        HttpServletRequest container = containerRequest(request);
        InetAddress client = literal(container.getRemoteAddr());
        if (client == null) {
            return container.getRemoteAddr();
        }
        List<String> hops = forwardedFor(container);
        int last = hops.size() - 1;
        if (last >= 0 && client.isLoopbackAddress() && behindFrontDoor.getAsBoolean()) {
            InetAddress seenByTheDoor = literal(hops.get(last));
            if (seenByTheDoor != null) {
                client = seenByTheDoor;
                last--;
            }
        }
        for (int i = last; i >= 0 && trusted(client); i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // a proxy we trust passed on something that is no address: the proxy is all we know
                break;
            }
            client = hop;
        }
        return counted(client);
    }

    /** The request as the servlet container made it, beneath every filter's wrapper. */
    private static HttpServletRequest containerRequest(HttpServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper && wrapper.getRequest() instanceof HttpServletRequest) {
            inner = wrapper.getRequest();
        }
        return (HttpServletRequest) inner;
    }

    /** Every entry of every {@code X-Forwarded-For} header, in order. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    private boolean trusted(InetAddress address) {
        String text = address.getHostAddress();
        return trustedProxies.stream().anyMatch(proxy -> proxy.matches(text));
    }

    /**
     * The address this text writes, or null if it writes none; never a name lookup (an IPv4 text is
     * read by hand, an IPv6 one in brackets, which {@link InetAddress} never resolves).
     */
    static InetAddress literal(String text) {
        String address = text.startsWith("[") && text.contains("]") ? text.substring(1, text.indexOf(']')) : text;
        try {
            var ipv4 = IPV4.matcher(address);
            if (ipv4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(ipv4.group(i + 1));
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            return IPV6.matcher(address).matches() ? InetAddress.getByName("[" + address + "]") : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String counted(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = address.getAddress();
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }
}
