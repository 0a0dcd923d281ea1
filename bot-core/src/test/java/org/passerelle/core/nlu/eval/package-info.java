/**
 * The evaluation of understanding: reads a labelled development set, scores Passerelle's
 * understanding step beside OpenNLP's detector alone and Lingua on the same rows, and prints the
 * figures that {@code scripts/nlu-eval} reports. Test code; uses {@code core.nlu}, the content and
 * Lingua.
 */
package org.passerelle.core.nlu.eval;
