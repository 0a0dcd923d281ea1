/**
 * Privacy primitives: the keyed pseudonym that stands for a channel address everywhere in
 * storage and logs ({@code Pseudonymizer}, one secret that is never rotated, since a new one
 * would change every conversation id), and the sealing of what is kept about a person with
 * AES-GCM under a {@code Keyring} of identified keys that can be rotated: each sealed value
 * names its key, new values are sealed under the current key, old ones open as long as their key
 * stays in the ring, and {@code Rekey} rewrites them under the current key so that an old key
 * can be retired. Plain Java, uses the JDK's crypto and {@code core.store} only.
 */
package org.passerelle.core.privacy;
