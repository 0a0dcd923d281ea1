/**
 * The staff surface of appointments under {@code /api/services}: services, their weekly rules
 * and exceptions, the slots generated from them with how many places are booked, and the
 * bookings of a day (code, time, language, interpreter, nickname; never who she is). Uses
 * {@code core.booking} only.
 */
package org.passerelle.admin.schedule;
