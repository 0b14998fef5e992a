package com.alvh.cluster;

import static com.alvh.cluster.StartupSource.DIRECTORY;
import static com.alvh.cluster.StartupSource.STORED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which rule set a restart serves, for the histories docs/cluster.md describes. */
class StartupSourceTest {

    private static final String SHIPPED = "sha256:shipped";
    private static final String ACTIVATED_IN_CONSOLE = "sha256:console";
    private static final String EDITED = "sha256:edited";

    @Test
    void aFirstStartLoadsTheDirectory() {
        assertEquals(DIRECTORY, StartupSource.choose(Optional.empty(), Optional.empty(), SHIPPED, true));
        assertEquals(DIRECTORY, StartupSource.choose(Optional.empty(), Optional.empty(), SHIPPED, false));
    }

    @Test
    void aRestartKeepsTheVersionActivatedInTheConsoleWhileTheDirectoryIsUnchanged() {
        assertEquals(STORED, StartupSource.choose(Optional.of(ACTIVATED_IN_CONSOLE), Optional.of(SHIPPED), SHIPPED, true));
    }

    @Test
    void aDirectoryEditedWhileTheServiceWasDownWinsOnASingleMachine() {
        assertEquals(DIRECTORY, StartupSource.choose(Optional.of(ACTIVATED_IN_CONSOLE), Optional.of(SHIPPED), EDITED, true));
    }

    @Test
    void aReplicaThatDoesNotWatchFilesServesTheLatestActivationWhateverItsDirectoryHolds() {
        assertEquals(STORED, StartupSource.choose(Optional.of(ACTIVATED_IN_CONSOLE), Optional.of(SHIPPED), EDITED, false));
        assertEquals(STORED, StartupSource.choose(Optional.of(ACTIVATED_IN_CONSOLE), Optional.empty(), SHIPPED, false));
    }

    @Test
    void theDirectoryIsLoadedWhenItIsTheActiveVersion() {
        assertEquals(DIRECTORY, StartupSource.choose(Optional.of(SHIPPED), Optional.of(SHIPPED), SHIPPED, false));
    }
}
