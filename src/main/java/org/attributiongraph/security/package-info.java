/**
 * Who may do what: API keys (stored hashed) with a role and a TLP clearance, the anonymous caller's
 * clearance, the admin key written at first start, and the {@link org.attributiongraph.security.Caller}
 * every read path narrows its answer by.
 */
package org.attributiongraph.security;
