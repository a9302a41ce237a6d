package org.attributiongraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded Neo4j's Bolt connector listens on loopback only: reachable there, refused on every other address of this host. */
class EmbeddedBoltIT extends IntegrationTest {

    @Autowired
    EmbeddedNeo4j neo4j;

    @Test
    void boltListensOnLoopbackOnly() throws IOException {
        InetSocketAddress bolt = neo4j.boltAddress();
        assertThat(bolt.getAddress()).isNotNull();
        assertThat(bolt.getAddress().isLoopbackAddress()).as(bolt.toString()).isTrue();
        assertThat(neo4j.boltUri()).startsWith("bolt://127.0.0.1:" + bolt.getPort());
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(bolt.getAddress(), bolt.getPort()), 2000);
            assertThat(socket.isConnected()).isTrue();
        }
        for (var network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (var address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    assertThatThrownBy(() -> {
                        try (var socket = new Socket()) {
                            socket.connect(new InetSocketAddress(address, bolt.getPort()), 2000);
                        }
                    }).as("Bolt on " + address).isInstanceOfAny(ConnectException.class, SocketException.class);
                }
            }
        }
    }
}
