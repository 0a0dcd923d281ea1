/**
 * What every web endpoint shares: the one advice that turns failures into RFC 9457 problem
 * details, never a stack trace, and the language of the staff pages (French, or English).
 */
package org.passerelle.admin.web;
