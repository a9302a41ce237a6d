/** Entities: search by name and alias, one entity with its neighbours, and graph statistics. */
package org.attributiongraph.entity;
