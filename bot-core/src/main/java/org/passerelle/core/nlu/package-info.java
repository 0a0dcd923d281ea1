/**
 * Understanding a message: the safety rules that run first and never depend on a model, the
 * language (script, French loanwords set aside, Apache OpenNLP's detector combined with spelling
 * cues and short-word lexicons, the content's own words, a tie-break toward her language), and
 * the intent (one OpenNLP document categorizer per language, trained from the content's example
 * phrases). Plain Java; uses the {@code content} module for the phrases.
 */
package org.passerelle.core.nlu;
