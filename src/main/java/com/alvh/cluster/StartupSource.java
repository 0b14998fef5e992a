package com.alvh.cluster;

import java.util.Optional;

/**
 * Where a starting replica takes its first rule set from, decided from the version history alone.
 *
 * <ul>
 * <li>{@link #DIRECTORY}: nothing was ever activated, the latest activation is the directory's own files, or the
 * directory is watched (single-machine authoring) and holds other files than when it was last loaded, i.e. it was
 * edited while the service was down.</li>
 * <li>{@link #STORED}: the latest activation, compiled from its stored sources.</li>
 * </ul>
 */
enum StartupSource {
    DIRECTORY,
    STORED;

    /**
     * @param latest           version of the latest activation, if any
     * @param latestFromDir    version of the latest activation by {@code rules-dir}, if any
     * @param directory        version of the files in the rules directory now
     * @param watchingSources  whether the directory is the authoring source ({@code alvh.cluster.watch-sources})
     */
    static StartupSource choose(Optional<String> latest, Optional<String> latestFromDir, String directory,
            boolean watchingSources) {
        if (latest.isEmpty() || latest.get().equals(directory)) {
            return DIRECTORY;
        }
        boolean editedSinceLoaded = !latestFromDir.map(directory::equals).orElse(false);
        return watchingSources && editedSinceLoaded ? DIRECTORY : STORED;
    }
}
