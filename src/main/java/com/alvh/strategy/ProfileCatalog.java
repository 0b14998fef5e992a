package com.alvh.strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The loaded profiles of a strategies directory. A file that fails to load is reported and, if an
 * earlier version of it loaded, that version keeps serving; the other files load regardless.
 * Immutable: a reload returns a new catalog, so a reader always sees one consistent set.
 */
public final class ProfileCatalog {

    /** A loaded profile with the source it came from (kept so any version can be replayed). */
    public record LoadedProfile(Profile profile, String file, String source) {
    }

    private final Map<String, LoadedProfile> profiles;
    private final List<ProfileError> errors;

    private ProfileCatalog(Map<String, LoadedProfile> profiles, List<ProfileError> errors) {
        this.profiles = Map.copyOf(profiles);
        this.errors = List.copyOf(errors);
    }

    public static ProfileCatalog empty() {
        return new ProfileCatalog(Map.of(), List.of());
    }

    /** Loads every {@code *.yaml}/{@code *.yml} file of {@code dir}, falling back to {@code previous} per file. */
    public static ProfileCatalog load(Path dir, ProfileCatalog previous) {
        Map<String, LoadedProfile> loaded = new TreeMap<>();
        List<ProfileError> errors = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            String fileName = file.getFileName().toString();
            String name = fileName.replaceFirst("\\.ya?ml$", "");
            try {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                loaded.put(name, new LoadedProfile(ProfileParser.parse(name, fileName, source), fileName, source));
            } catch (InvalidProfileException e) {
                errors.addAll(e.errors());
                previous.find(name).ifPresent(last -> loaded.put(name, last));
            } catch (IOException e) {
                errors.add(new ProfileError(fileName, "(file)", 1, 1, "cannot be read: " + e.getMessage()));
                previous.find(name).ifPresent(last -> loaded.put(name, last));
            }
        }
        return new ProfileCatalog(loaded, errors);
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This catalog with one profile refused after loading (e.g. it failed a scenario): the previous version, if any,
     * serves in its place and the error is reported with the others.
     */
    public ProfileCatalog refuse(String name, Optional<LoadedProfile> previous, ProfileError error) {
        Map<String, LoadedProfile> kept = new TreeMap<>(profiles);
        kept.remove(name);
        previous.ifPresent(p -> kept.put(name, p));
        List<ProfileError> allErrors = new ArrayList<>(errors);
        allErrors.add(error);
        return new ProfileCatalog(kept, allErrors);
    }

    /** This catalog with {@code replacement} serving under its name (a stored version a strategist activated). */
    public ProfileCatalog with(LoadedProfile replacement) {
        Map<String, LoadedProfile> kept = new TreeMap<>(profiles);
        kept.put(replacement.profile().name(), replacement);
        return new ProfileCatalog(kept, errors);
    }

    public Optional<LoadedProfile> find(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    public List<LoadedProfile> all() {
        return profiles.values().stream()
                .sorted(java.util.Comparator.comparing(p -> p.profile().name())).toList();
    }

    /** Problems of the last load, empty when every file loaded. */
    public List<ProfileError> errors() {
        return errors;
    }
}
