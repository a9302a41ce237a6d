package org.attributiongraph.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two rules for API parameters, so that the caller and the server never disagree on what was asked.
 * A parameter given more than once ({@code maxHops=2&maxHops=8}) is refused: Spring would silently
 * take the first number or join the texts with commas. And a whole number is written in decimal:
 * Spring would also read {@code 0x10} and {@code #10} as 16.
 */
@Configuration
class ParameterRules implements WebMvcConfigurer, HandlerInterceptor {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,10}");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** Added last, so it is the converter Spring picks for text to whole number; the failure becomes a 400 naming the parameter. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Integer.class, ParameterRules::decimal);
    }

    static Integer decimal(String text) {
        String digits = text.strip();
        if (!DECIMAL.matcher(digits).matches()) {
            throw new NumberFormatException("not a decimal whole number");
        }
        return Integer.valueOf(digits);
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
