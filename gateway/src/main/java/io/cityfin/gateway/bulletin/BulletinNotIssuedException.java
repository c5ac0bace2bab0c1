package io.cityfin.gateway.bulletin;

import io.cityfin.common.problem.NotFoundException;

/** 404: no bulletin was issued for the month and region asked. */
public class BulletinNotIssuedException extends NotFoundException {

    public BulletinNotIssuedException(String period, String region) {
        super("No bulletin was issued for " + period + " and region " + region + ".");
    }

    public BulletinNotIssuedException(String period, String region, int number) {
        super("No bulletin number " + number + " was issued for " + period + " and region " + region + ".");
    }
}
