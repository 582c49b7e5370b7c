/**
 * Fixtures for tests of several modules, depended on in test scope ({@code krypton-test-support}):
 * {@link dev.krypton.testsupport.PyKmipServer}, the real PyKMIP server as a child process,
 * {@link dev.krypton.testsupport.TcpRelay}, a TCP relay that cuts, refuses, resets or holds, and
 * {@link dev.krypton.testsupport.ManualClock}, a clock the test moves by hand. Being an
 * ordinary jar of the reactor, it needs no {@code mvn install}: {@code ./mvnw -pl MODULE -am verify}
 * builds it first.
 */
package dev.krypton.testsupport;
