/**
 * The runnable application: the only place that knows every module. Typed configuration
 * records, the Redis connection (an embedded real server by default; one server, Sentinel or a
 * cluster otherwise), the engine's wiring, health and start-up failure reporting.
 */
package org.passerelle.app;
