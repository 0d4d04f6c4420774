package fr.defense.rapid.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test: the whole application context on PostgreSQL ({@code rapid_process_test_<pid>}, see TestDatabases),
 * without web server and without job executor, so that the test executes jobs and moves the
 * engine clock itself (see {@link RapidProcess}); the running application's job executor, if a
 * cached context has one, is paused meanwhile (see {@link OtherJobExecutorsPaused}).
 */
@Tag("process")
@ExtendWith(OtherJobExecutorsPaused.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "camunda.bpm.job-execution.enabled=false",
            // Its own engine name (no hyphen: the starter ignores such names): the engine REST API and the webapps of
            // the running application
            // (AppTest) look up the engine named "default" in a registry shared by the whole JVM.
            "camunda.bpm.process-engine-name=processTests",
            "spring.datasource.url=jdbc:postgresql://${TEST_DB_HOST:127.0.0.1}:${TEST_DB_PORT:5432}/${rapid.test.process-db}"
        })
@ActiveProfiles("test")
public @interface ProcessTest {}
