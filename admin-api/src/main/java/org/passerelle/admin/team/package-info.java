/**
 * The team's REST surface under {@code /api/team}, for admins: the staff accounts with their
 * role, languages and skills, and the team's hours. Uses {@code core.handoff}'s {@code Team} and
 * the password rules of {@code admin.security}.
 */
package org.passerelle.admin.team;
