/** Attribution chains: from an intrusion, group or person, hop by hop with evidence, to the states behind it. */
package org.attributiongraph.attribution;
