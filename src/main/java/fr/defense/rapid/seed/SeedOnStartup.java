package fr.defense.rapid.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code seed} profile: the application starts (migrations, engine, deployments), seeds, and
 * stops; exit status 0 when done, 1 when refused or failed. See docs/performance.md.
 */
@Component
@Profile("seed")
class SeedOnStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedOnStartup.class);

    private final Seeder seeder;
    private final SeedSettings settings;
    private final ConfigurableApplicationContext context;

    SeedOnStartup(Seeder seeder, SeedSettings settings, ConfigurableApplicationContext context) {
        this.seeder = seeder;
        this.settings = settings;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int status = 0;
        try {
            log.info("Seed: {}", settings);
            seeder.seed(settings);
        } catch (RuntimeException e) {
            log.error("Seed failed: {}", e.getMessage(), e);
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
