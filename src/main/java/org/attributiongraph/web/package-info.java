/** Cross-cutting HTTP concerns: problem documents for every error. */
package org.attributiongraph.web;
