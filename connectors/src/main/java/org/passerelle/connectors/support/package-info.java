/**
 * What every connector shares: limits on request bodies and the security headers of the
 * public endpoints.
 */
package org.passerelle.connectors.support;
