package org.attributiongraph.blastradius;

import java.util.List;
import java.util.Map;

/**
 * Who a provider's compromise exposes. {@code clientCount} and the counts cover every distinct
 * client within {@code depth}; {@code clients} is one page of them, nearest first.
 */
record BlastRadius(Ref msp, int depth, long clientCount, Map<Integer, Long> byHops, Map<String, Long> byCountry,
                   Map<String, Long> bySector, List<Client> clients, int offset, int limit, boolean truncated,
                   List<ThreatGroup> threatGroups) {

    record Ref(String id, String name) {
    }

    record Client(String id, String name, int hops, String country, List<String> sectors) {
    }

    /** A group known to have targeted or compromised the provider, or {@code via} a provider upstream of it. */
    record ThreatGroup(String id, String name, String via, String viaId) {
    }

    /** The reverse question: through which providers an organization is exposed. */
    record Exposure(Ref organization, int depth, List<Provider> providers, List<ThreatGroup> threatGroups) {
    }

    record Provider(String id, String name, int hops) {
    }
}
