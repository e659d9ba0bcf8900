package io.archlint.maven;

import io.archlint.engine.Codebase;
import io.archlint.engine.Stereotypes;
import io.archlint.engine.dependencies.DependencyGraph;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Describes a {@link MavenProject} as a {@link Codebase}: roots, output, language level, encoding. */
final class ProjectCodebase {

    private static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

    private ProjectCodebase() {}

    static Codebase of(MavenProject project, DependencyGraph graph, int parallelism, Stereotypes stereotypes,
            Map<String, Map<String, String>> ruleParameters, Map<String, Path> ownDependencies) {
        Path base = project.getBasedir().toPath();
        Path buildDir = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
        Codebase.Builder builder = Codebase.builder(base)
                .moduleName(project.getArtifactId())
                .classesDir(Path.of(project.getBuild().getOutputDirectory()))
                .javaRelease(javaRelease(project))
                .encoding(encoding(project))
                .parallelism(parallelism)
                .dependencies(graph)
                .stereotypes(stereotypes);
        ruleParameters.forEach(builder::ruleParameters);
        ownDependencies.forEach(builder::ownDependency);
        for (String root : project.getCompileSourceRoots()) {
            Path path = Path.of(root).toAbsolutePath().normalize();
            // Generated sources (annotation processors, OpenAPI, jOOQ) are not the team's code.
            if (!path.startsWith(buildDir)) {
                builder.sourceRoot(path);
            }
        }
        for (Resource resource : project.getResources()) {
            builder.resourceRoot(Path.of(resource.getDirectory()));
        }
        return builder.build();
    }

    /** The release the sources target: {@code release}, else {@code source}, from the compiler plugin or properties. */
    static int javaRelease(MavenProject project) {
        Optional<String> configured = compilerSetting(project, "release")
                .or(() -> property(project, "maven.compiler.release"))
                .or(() -> compilerSetting(project, "source"))
                .or(() -> property(project, "maven.compiler.source"));
        return configured.map(ProjectCodebase::parseRelease).orElse(0);
    }

    static int parseRelease(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("1.")) {
            trimmed = trimmed.substring(2);
        }
        try {
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<String> compilerSetting(MavenProject project, String name) {
        Plugin compiler = project.getPlugin(COMPILER_PLUGIN);
        if (compiler == null || !(compiler.getConfiguration() instanceof Xpp3Dom configuration)) {
            return Optional.empty();
        }
        Xpp3Dom child = configuration.getChild(name);
        return child == null || child.getValue() == null || child.getValue().contains("${")
                ? Optional.empty() : Optional.of(child.getValue());
    }

    private static Optional<String> property(MavenProject project, String name) {
        return Optional.ofNullable(project.getProperties().getProperty(name)).filter(v -> !v.isBlank());
    }

    static Charset encoding(MavenProject project) {
        String name = project.getProperties().getProperty("project.build.sourceEncoding");
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
