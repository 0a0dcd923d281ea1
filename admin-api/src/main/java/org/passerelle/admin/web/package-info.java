/**
 * What every web endpoint shares: the one advice that turns failures into RFC 9457 problem
 * details, never a stack trace.
 */
package org.passerelle.admin.web;
