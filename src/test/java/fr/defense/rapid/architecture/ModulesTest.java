package fr.defense.rapid.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.RapidBpmApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules (one top-level package per feature, Spring Modulith's convention) depend on each other
 * without cycles and only through each other's public types; their documentation in
 * {@code docs/modules} and the diagram in the README say what the code does. Runs without Spring:
 * it reads the compiled classes.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(RapidBpmApplication.class);
    private static final Path DOCS = Path.of("docs/modules");
    private static final Path README = Path.of("README.md");
    private static final String DIAGRAM_START = "```mermaid\n%% modules: written by ModulesTest\n";

    @Test
    void modulesDependOnEachOtherWithoutCyclesAndOnlyThroughTheirPublicTypes() {
        MODULES.verify();
    }

    /**
     * Documenter's PlantUML diagrams and module canvases, and a Mermaid diagram that GitHub shows in
     * the README. A stale copy is rewritten and the test fails once, so that CI never passes on
     * documentation the code contradicts: commit what it wrote.
     */
    @Test
    void moduleDocumentationAndReadmeDiagramMatchTheCode() throws IOException {
        Path generated = Path.of("target/modulith-docs");
        deleteTree(generated);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();
        Files.writeString(generated.resolve("modules.mmd"), mermaid(), StandardCharsets.UTF_8);

        List<String> stale = new ArrayList<>();
        Map<String, String> wanted = contents(generated);
        if (!normalized(wanted).equals(normalized(contents(DOCS)))) {
            deleteTree(DOCS);
            Files.createDirectories(DOCS);
            for (Map.Entry<String, String> file : wanted.entrySet()) {
                Files.writeString(DOCS.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            stale.add(DOCS.toString());
        }
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(DIAGRAM_START);
        assertThat(start)
                .as("README.md holds the module diagram, opened by: " + DIAGRAM_START)
                .isNotNegative();
        int end = readme.indexOf("```\n", start + DIAGRAM_START.length());
        String current = readme.substring(start + DIAGRAM_START.length(), end);
        if (!current.equals(mermaid())) {
            Files.writeString(
                    README,
                    readme.substring(0, start + DIAGRAM_START.length()) + mermaid() + readme.substring(end),
                    StandardCharsets.UTF_8);
            stale.add(README.toString());
        }
        assertThat(stale)
                .as("Out of date, now rewritten from the code: review and commit")
                .isEmpty();
    }

    /** Each module and the modules it uses, in a stable order. */
    private static String mermaid() {
        StringBuilder diagram = new StringBuilder("flowchart LR\n");
        MODULES.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).forEach(module -> {
            for (String target : dependencies(module)) {
                diagram.append("  ")
                        .append(module.getName())
                        .append(" --> ")
                        .append(target)
                        .append('\n');
            }
        });
        return diagram.toString();
    }

    private static List<String> dependencies(ApplicationModule module) {
        return module.getDirectDependencies(MODULES)
                .uniqueModules()
                .map(ApplicationModule::getName)
                .filter(name -> !name.equals(module.getName()))
                .distinct()
                .sorted()
                .toList();
    }

    /** Documenter writes relations in no fixed order: files compare as their sorted lines. */
    private static Map<String, List<String>> normalized(Map<String, String> files) {
        Map<String, List<String>> result = new TreeMap<>();
        files.forEach(
                (name, content) -> result.put(name, content.lines().sorted().toList()));
        return result;
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(
                            file -> file.getFileName().toString(), ModulesTest::read, (a, b) -> a, TreeMap::new));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }
}
