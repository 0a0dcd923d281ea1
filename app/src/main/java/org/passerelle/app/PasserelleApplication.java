package org.passerelle.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Passerelle: the engine, its channels and its web pages on one Redis. */
@SpringBootApplication(scanBasePackages = "org.passerelle")
@ConfigurationPropertiesScan("org.passerelle")
public class PasserelleApplication {

    public static void main(String[] args) {
        SpringApplication.run(PasserelleApplication.class, args);
    }
}
