/**
 * Test support shared with the other modules through the test jar: random inputs for the
 * property tests of parsers and text handling.
 */
package org.passerelle.core.testing;
