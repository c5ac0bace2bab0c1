package io.cityfin.archfixture.loopb;

/** Fixture: the other half of the cycle. */
public class B {
    io.cityfin.archfixture.loopa.A a;
}
