/**
 * Privacy primitives: the keyed pseudonym that stands for a channel address everywhere in
 * storage and logs. Plain Java, uses the JDK's crypto only.
 */
package org.passerelle.core.privacy;
