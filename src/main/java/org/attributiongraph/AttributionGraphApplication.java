package org.attributiongraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AttributionGraphApplication {
    public static void main(String[] args) {
        SpringApplication.run(AttributionGraphApplication.class, args);
    }
}
