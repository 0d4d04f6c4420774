package fr.defense.rapid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** rapid-bpm: the RAPID subsidy and SME mediation procedures on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RapidBpmApplication {

    public static void main(String[] args) {
        SpringApplication.run(RapidBpmApplication.class, args);
    }
}
