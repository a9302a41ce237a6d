package org.attributiongraph.security;

import java.util.List;

import org.attributiongraph.graph.GraphProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The access rules of the HTTP API (README, "Access"): stateless API keys, no sessions, cookies,
 * CSRF tokens, login forms or generated passwords. Only for the web server: the command-line
 * commands work on the store directly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static {
        // Resolved from the security context, never from the request's parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** The configured keys; with none, the admin key of {@code $GRAPH_DATA_DIR/admin.key}. */
    @Bean
    ApiKeys apiKeys(SecurityProperties properties, GraphProperties graph) {
        var keys = properties.keys().isEmpty() ? List.of(AdminKeyFile.loadOrCreate(graph.dataDir())) : properties.keys();
        return new ApiKeys(keys, properties.anonymousClearance());
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.ANALYST.name())
                .role(Role.ANALYST.name()).implies(Role.READER.name())
                .build();
    }

    /**
     * No traces of the filter chain: with an observation registry present (the actuator's), Spring
     * Security wraps each of its filters in an observation of its own on every request, and nothing
     * here collects traces. The request's own metrics ({@code http.server.requests}) stay.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ProblemResponses problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyFilter(keys, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/imports", "/api/imports/**").hasRole(Role.ADMIN.name())
                        // Anonymous callers read and export at the anonymous clearance (the Caller carries it).
                        .requestMatchers(HttpMethod.GET, "/api/export", "/api/export/**").hasAnyRole(Role.ANALYST.name(), "ANONYMOUS")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(Role.READER.name(), "ANONYMOUS")
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/app.js", "/app.css", "/webjars/**",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()));
        if (keys.anonymousClearance().isEmpty()) {
            // No anonymous token: every rule above that needs a role answers 401.
            http.anonymous(anonymous -> anonymous.disable());
        }
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerArguments(ApiKeys keys) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerResolver(keys));
            }
        };
    }
}
