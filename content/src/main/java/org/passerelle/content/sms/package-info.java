/**
 * Counts the SMS segments a text is sent in, as a carrier does: the GSM 03.38 alphabet
 * (GSM-7) when every character belongs to it, UCS-2 otherwise. Plain Java with no
 * dependency, usable by the content checks, the admin preview and the SMS sender alike.
 */
package org.passerelle.content.sms;
