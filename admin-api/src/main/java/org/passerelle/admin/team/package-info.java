/**
 * The team, for admins: the REST surface under {@code /api/team} and the pages under
 * {@code /admin/team} (accounts with their role, languages and skills, new passwords, unlocking,
 * deletion with a confirmation, the team's weekly hours). Uses {@code core.handoff}'s
 * {@code Team}, {@code SignInAttempts} and {@code TeamHoursStore}, and the password rules of
 * {@code admin.security}.
 */
package org.passerelle.admin.team;
