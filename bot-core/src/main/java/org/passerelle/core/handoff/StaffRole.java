package org.passerelle.core.handoff;

/**
 * What a staff account may do. A mediator answers the conversations of the inbox and sees the
 * appointments; an admin may also edit the content, the team and its hours, and answers too.
 */
public enum StaffRole {
    ADMIN,
    MEDIATOR
}
