package io.cityfin.risk.alert;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When alert rules run ({@code cityfin.alerts.*}): {@code coalesce}, how long accepted reports and records are gathered
 * before their rules run (a burst such as the demo load runs each rule and period once); {@code daily-at}, the time of
 * day (Asia/Shanghai) every rule runs for the last completed month; {@code retry-every}, how often a (rule, period)
 * left UNAVAILABLE is tried again; {@code schedules}, false to switch the daily run and the retry off.
 */
@ConfigurationProperties("cityfin.alerts")
public record AlertProperties(@DefaultValue("2s") Duration coalesce, @DefaultValue("02:00") LocalTime dailyAt,
                              @DefaultValue("1m") Duration retryEvery, @DefaultValue("true") boolean schedules) {
}
