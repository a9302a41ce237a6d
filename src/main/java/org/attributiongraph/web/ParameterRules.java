package org.attributiongraph.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
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

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");

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
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                checkDecimal(request, parameter);
            }
        }
        return true;
    }

    /** An empty value leaves the parameter's default, as Spring has it; anything else must be decimal digits. */
    private static void checkDecimal(HttpServletRequest request, MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        Class<?> type = parameter.getParameterType();
        if (annotation == null || type != int.class && type != Integer.class) {
            return;
        }
        String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
        String value = name == null ? null : request.getParameter(name);
        if (value != null && !value.isEmpty() && !DECIMAL.matcher(value).matches()) {
            throw new BadRequestException(name + " must be a whole number written in decimal digits; got \""
                    + ProblemHandler.shortened(value) + "\"");
        }
    }
}
