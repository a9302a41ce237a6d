package org.attributiongraph.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an API request that gives one parameter more than once ({@code maxHops=2&maxHops=8}):
 * Spring would silently take the first number or join the texts with commas, so the caller and the
 * server could disagree on what was asked.
 */
@Configuration
class SingleParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 1) {
                throw new BadRequestException("parameter " + ProblemHandler.shortened(name) + " is given " + values.length
                        + " times; give it once");
            }
        });
        return true;
    }
}
