/**
 * What every connector's contract test shares: a WireMock server standing in for the channel's
 * API that refuses requests no case expected, a recording intake in place of the engine, and a
 * log capture that proves secrets and addresses stay out of the logs.
 */
package org.passerelle.connectors.testkit;
