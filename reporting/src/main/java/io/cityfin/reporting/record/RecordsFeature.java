package io.cityfin.reporting.record;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.cityfin.reporting.Components;

/** The record machinery's storage and its idempotency-key purge: on in every service that has the machinery. */
@Configuration(proxyBeanMethods = false)
@Import(IdempotencyKeyPurge.class)
@Components(".persistence.R2dbcRecords")
public class RecordsFeature {
}
