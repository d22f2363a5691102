package org.approvalrules.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.ApprovalRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The approval-rules entry point as a bean, configured from {@code approval-rules.*}
 * ({@link ApprovalRulesProperties}), with reload ({@link ApprovalRulesReloader}, {@link PacksWatcher}, the
 * {@code approvalrules} Actuator endpoint), health ({@link ApprovalRulesHealthIndicator}) and Micrometer metrics
 * ({@link ApprovalRulesMetrics}) when those libraries are present. Every bean backs off when the application
 * defines its own.
 *
 * <p>The start fails when a property is unknown or wrong (naming it), or when a pack or calendar layer is
 * malformed or a start locality's rules do not compile (naming file and line): the localities of
 * {@code default-locality} and {@code localities} are compiled at start.
 */
@AutoConfiguration
@EnableConfigurationProperties(ApprovalRulesProperties.class)
public class ApprovalRulesAutoConfiguration {

    /**
     * The entry point. Its clock: the application's {@link Clock} bean if it has exactly one, else the system
     * clock; in either case in {@code approval-rules.clock-zone}.
     */
    @Bean
    @ConditionalOnMissingBean
    public ApprovalRules approvalRules(ApprovalRulesProperties properties, ObjectProvider<Clock> clock,
            ObjectProvider<ApprovalRulesListener> listeners, ObjectProvider<ApprovalRulesReloader> reloader) {
        Clock c = clock.getIfUnique(() -> Clock.system(properties.getClockZone())).withZone(properties.getClockZone());
        ApprovalRules.Builder b = ApprovalRules.builder().coverage(properties.getCoverage()).clock(c)
                .listener(new EvaluationsToListeners(listeners, reloader));
        if (properties.getPacks() != null) {
            b.packs(properties.getPacks());
        }
        if (properties.getCalendars() != null) {
            b.calendarLayers(properties.getCalendars());
        }
        if (properties.getCalendarDirectory() != null) {
            b.calendarDirectory(properties.getCalendarDirectory());
        }
        ApprovalRules rules = b.build();
        try {
            for (DivisionCode l : properties.startLocalities()) {
                rules.locality(l); // calendar, parameters of every domain checked, rules compiled
            }
        } catch (RuntimeException e) {
            rules.close();
            throw e;
        }
        return rules;
    }

    @Bean
    @ConditionalOnMissingBean
    public ApprovalRulesReloader approvalRulesReloader(ApprovalRules rules, ApprovalRulesProperties properties,
            ObjectProvider<ApprovalRulesListener> listeners) {
        return new ApprovalRulesReloader(rules, rules.clock(), listeners.orderedStream().toList(),
                properties.startLocalities());
    }

    @Bean
    @ConditionalOnMissingBean
    public MeteredApprovalRules meteredApprovalRules(ApprovalRules rules, ApprovalRulesProperties properties,
            ObjectProvider<ApprovalRulesListener> listeners, ApprovalRulesReloader reloader) {
        return new MeteredApprovalRules(rules, properties.getDefaultLocality(), listeners.orderedStream().toList(), reloader);
    }

    /**
     * Reload on a change of the packs directory or the calendar directory ({@code approval-rules.reload.watch}, on
     * by default), when either is set.
     */
    @Configuration(proxyBeanMethods = false)
    @Conditional(PacksOrCalendars.class)
    static class WatchConfiguration {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBooleanProperty(prefix = ApprovalRulesProperties.PREFIX, name = "reload.watch", matchIfMissing = true)
        PacksWatcher approvalRulesPacksWatcher(ApprovalRulesProperties properties, ApprovalRulesReloader reloader) {
            return new PacksWatcher(properties.getPacks(), properties.calendarDirectories(),
                    properties.getReload().getDebounce(), reloader);
        }
    }

    /** {@code approval-rules.packs}, {@code calendars} or {@code calendar-directory} is set: a directory to watch. */
    static final class PacksOrCalendars extends AnyNestedCondition {
        PacksOrCalendars() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = ApprovalRulesProperties.PREFIX, name = "packs")
        static final class Packs {
        }

        @ConditionalOnProperty(prefix = ApprovalRulesProperties.PREFIX, name = "calendars")
        static final class Calendars {
        }

        @ConditionalOnProperty(prefix = ApprovalRulesProperties.PREFIX, name = "calendar-directory")
        static final class CalendarDirectory {
        }
    }

    /** Health contributor {@code approvalRules}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "approvalRulesHealthIndicator")
        ApprovalRulesHealthIndicator approvalRulesHealthIndicator(ApprovalRules rules, ApprovalRulesReloader reloader,
                ApprovalRulesProperties properties) {
            return new ApprovalRulesHealthIndicator(rules, reloader, properties.getCoverage(), rules.clock());
        }
    }

    /** The {@code approvalrules} Actuator endpoint (reload a layer, see what serves). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class EndpointConfiguration {
        @Bean
        @ConditionalOnMissingBean
        ApprovalRulesEndpoint approvalRulesEndpoint(ApprovalRulesReloader reloader) {
            return new ApprovalRulesEndpoint(reloader);
        }
    }

    /** Micrometer meters (cases, findings, evaluation time, reloads). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {
        @Bean
        @ConditionalOnMissingBean
        ApprovalRulesMetrics approvalRulesMetrics(ObjectProvider<MeterRegistry> registry) {
            return new ApprovalRulesMetrics(registry);
        }
    }

    /**
     * Every batch the entry point evaluates — through {@link MeteredApprovalRules} or directly on the bean — told to
     * the {@link ApprovalRulesListener} beans (looked up on first use, so a listener may itself depend on the entry
     * point); every reload called directly on the bean told to the {@link ApprovalRulesReloader} (health, endpoint,
     * metrics), which ignores the echo of its own.
     */
    static final class EvaluationsToListeners implements ApprovalRules.Listener {
        private final ObjectProvider<ApprovalRulesListener> provider;
        private final ObjectProvider<ApprovalRulesReloader> reloader;
        private volatile java.util.List<ApprovalRulesListener> listeners;

        EvaluationsToListeners(ObjectProvider<ApprovalRulesListener> provider, ObjectProvider<ApprovalRulesReloader> reloader) {
            this.provider = provider;
            this.reloader = reloader;
        }

        @Override
        public void reloaded(ApprovalRules.Reload outcome) {
            ApprovalRulesReloader r = reloader.getIfAvailable();
            if (r != null) {
                r.heard(outcome);
            }
        }

        @Override
        public void evaluated(DivisionCode locality, java.util.List<org.approvalrules.api.rules.CaseEvaluation> results, long nanos) {
            java.util.List<ApprovalRulesListener> l = listeners;
            if (l == null) {
                l = provider.orderedStream().toList();
                listeners = l;
            }
            Listeners.tell(l, x -> x.evaluated(locality, results, nanos));
        }
    }
}
