/**
 * Log output of the {@code krypton} command: the JDK's {@code System.Logger} over
 * {@code java.util.logging} (SLF4J libraries are routed there too), as text or as one JSON object
 * per line ({@code logging.format}, {@code --log-format}).
 */
package dev.krypton.app.logging;
