package io.cityfin.archfixture.loopa;

/** Fixture: one half of a cycle between two features. */
public class A {
    io.cityfin.archfixture.loopb.B b;
}
