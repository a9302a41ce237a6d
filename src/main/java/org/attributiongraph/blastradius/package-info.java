/** MSP blast radius and exposure: who is exposed when a provider is breached, and through which providers. */
package org.attributiongraph.blastradius;
