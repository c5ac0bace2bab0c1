package io.cityfin.reporting.demo;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.institution.InstitutionService;
import io.cityfin.reporting.report.ReportService;
import io.cityfin.reporting.report.SubmittedLine;
import io.cityfin.reporting.target.TargetService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads {@code classpath:demo/<service>-demo.json} after start (unless {@code cityfin.demo-data} is false) through
 * the same use cases a bank's call goes through, as a demo ADMIN, so the demo passes the same rules; loading it
 * again adds no version. Until it is done the {@code demoData} health indicator keeps the app out of readiness.
 */
@Component("demoData")
class DemoDataLoader implements HealthIndicator {

    static final String DEMO_ADMIN = "demo-data";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Catalogue catalogue;
    private final InstitutionService institutions;
    private final ObjectProvider<ReportService> reports;
    private final TargetService targets;
    private final ObjectProvider<DemoRecords> records;
    private final boolean enabled;
    private final AtomicReference<Health> state;

    DemoDataLoader(Catalogue catalogue, InstitutionService institutions, ObjectProvider<ReportService> reports, TargetService targets,
                   ObjectProvider<DemoRecords> records, org.springframework.core.env.Environment environment) {
        this.catalogue = catalogue;
        this.institutions = institutions;
        this.reports = reports;
        this.targets = targets;
        this.records = records;
        this.enabled = environment.getProperty("cityfin.demo-data", Boolean.class, true) && resource().exists();
        this.state = new AtomicReference<>(enabled ? Health.outOfService().withDetail("demoData", "loading").build()
                : Health.up().withDetail("demoData", "none").build());
    }

    @Override
    public Health health() {
        return state.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!enabled) {
            return;
        }
        DemoData data = read();
        Caller admin = new Caller(DEMO_ADMIN, Set.of(Role.ADMIN), null);
        Flux.fromIterable(data.institutions())
                .concatMap(i -> institutions.put(i.code(), i.change()))
                .thenMany(Flux.defer(() -> Flux.fromIterable(reports(data))).concatMap(report -> reports.getObject().submit(report.institution(), report.period(),
                        report.lines().stream().map(line -> new SubmittedLine(line.item(), line.region(), line.value())).toList())))
                .filter(appended -> appended.created())
                .count()
                .flatMap(created -> Flux.fromIterable(data.targets() == null ? java.util.Map.<String, java.util.List<DemoData.Target>>of().entrySet()
                                : data.targets().entrySet())
                        .concatMap(year -> targets.put(Integer.parseInt(year.getKey()), year.getValue().stream()
                                .map(t -> new TargetService.Requested(t.indicator(), t.kind(), t.value())).toList()))
                        .then(Mono.just(created)))
                .flatMap(created -> Flux.fromStream(records.orderedStream()).concatMap(loader -> loader.load(resource()))
                        .reduce(created, Long::sum))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(admin, "demo")))
                .subscribe(created -> {
                    log.info("Demo data of {} loaded: {} institutions, {} reports, {} new versions", catalogue.service(),
                            data.institutions().size(), reports(data).size(), created);
                    state.set(Health.up().withDetail("demoData", "loaded").build());
                }, error -> {
                    log.error("Demo data of {} could not be loaded", catalogue.service(), error);
                    state.set(Health.down(error).withDetail("demoData", "failed").build());
                });
    }

    /** The demo reports; none where reports are off, and a demo file with reports there is a mistake. */
    private List<DemoData.Report> reports(DemoData data) {
        List<DemoData.Report> demoReports = data.reports() == null ? List.of() : data.reports();
        if (!demoReports.isEmpty() && reports.getIfAvailable() == null) {
            throw new IllegalStateException("The demo file of " + catalogue.service() + " has reports, but its reports are off ("
                    + "cityfin.reporting.reports.enabled=false)");
        }
        return demoReports;
    }

    private DemoData read() {
        // A service's demo file may also carry records its own loaders read (insurance's investments).
        return DemoRecords.read(resource(), DemoData.class);
    }

    private Resource resource() {
        return new ClassPathResource("demo/" + catalogue.service().replace("-service", "") + "-demo.json");
    }
}
