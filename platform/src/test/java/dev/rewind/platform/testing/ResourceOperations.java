package dev.rewind.platform.testing;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The HTTP operations a service's Jakarta REST resources declare, found by scanning class files rather than listed by
 * hand, so that a test comparing them with the OpenAPI document fails when a new endpoint is left out of it.
 */
public final class ResourceOperations {

    /** One operation: {@code GET /api/v1/incidents/{id}}; secured when it requires a person's token. */
    public record Operation(String method, String path, boolean secured) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final byte[] PATH_DESCRIPTOR = "Ljakarta/ws/rs/Path;".getBytes(StandardCharsets.UTF_8);

    private ResourceOperations() {
    }

    /**
     * The operations of the resource classes in this module's {@code target/classes} and in the platform (which
     * gives every service its own, e.g. the parked outbox).
     */
    public static Set<Operation> ofThisServiceAndPlatform() {
        Set<Operation> operations = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        operations.addAll(in(java.nio.file.Path.of("target", "classes")));
        operations.addAll(inRootOf("dev/rewind/platform/http/Problems.class"));
        return operations;
    }

    /** The operations of the resource classes under a class-file root directory. */
    static Set<Operation> in(java.nio.file.Path root) {
        Set<Operation> operations = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class")).filter(ResourceOperations::mentionsPath)
                    .map(file -> root.relativize(file).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')
                            .replace(root.getFileSystem().getSeparator(), "."))
                    .forEach(name -> operations.addAll(of(load(name))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + root + " for resource classes", e);
        }
        return operations;
    }

    private static Set<Operation> inRootOf(String resource) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the test class path");
        }
        try {
            if (url.getProtocol().equals("jar")) {
                String jar = url.toString().substring("jar:".length(), url.toString().indexOf("!/"));
                try (FileSystem fs = FileSystems.newFileSystem(java.nio.file.Path.of(new URI(jar)), Map.of())) {
                    return in(fs.getPath("/"));
                }
            }
            java.nio.file.Path file = java.nio.file.Path.of(url.toURI());
            java.nio.file.Path root = file;
            for (int i = 0; i < resource.split("/").length; i++) {
                root = root.getParent();
            }
            return in(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the class path element of " + resource, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected class path URL " + url, e);
        }
    }

    /** Only classes whose bytes name @Path are loaded: loading every class would also load optional dependencies. */
    private static boolean mentionsPath(java.nio.file.Path classFile) {
        try {
            byte[] bytes = Files.readAllBytes(classFile);
            outer:
            for (int i = 0; i <= bytes.length - PATH_DESCRIPTOR.length; i++) {
                for (int j = 0; j < PATH_DESCRIPTOR.length; j++) {
                    if (bytes[i + j] != PATH_DESCRIPTOR[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + name + " found while scanning for resources", e);
        }
    }

    /**
     * A server resource's operations; none for REST client interfaces, abstract classes and non-resources, nor for
     * operations hidden from the OpenAPI document ({@code @Operation(hidden = true)}, the console's pages).
     */
    static Set<Operation> of(Class<?> type) {
        Set<Operation> operations = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return operations;
        }
        for (Method method : type.getMethods()) {
            String verb = httpMethod(method);
            org.eclipse.microprofile.openapi.annotations.Operation documented =
                    method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
            if (verb == null || documented != null && documented.hidden()) {
                continue; // hidden on purpose: the console's pages are not part of the API
            }
            Path methodPath = method.getAnnotation(Path.class);
            String path = join(classPath.value(), methodPath == null ? "" : methodPath.value());
            operations.add(new Operation(verb, path, secured(type) || secured(method)));
        }
        return operations;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static boolean secured(AnnotatedElement element) {
        return element.isAnnotationPresent(Authenticated.class) || element.isAnnotationPresent(RolesAllowed.class);
    }

    /** As OpenAPI writes it: one leading slash, no trailing one, path parameters without their regular expression. */
    static String join(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath).replaceAll("/{2,}", "/")
                .replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
