/**
 * The staff surface of appointments: the REST API under {@code /api/services} (services, their
 * weekly rules and exceptions, the slots generated from them with how many places are booked,
 * the bookings of a day) and the admins' pages under {@code /admin/schedules} (the services in
 * words, a service's rules and exceptions with their forms, the week with its bookings and their
 * attendance). Bookings show a code, a time, a language, an interpreter and a nickname; never who
 * she is. Uses {@code core.booking} only, and the published content for the services' names.
 */
package org.passerelle.admin.schedule;
