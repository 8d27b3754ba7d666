package org.lumbung.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the {@code oai-pmh-source} Kamelet keeps its state: on disk unless told none, inside its folder. */
class OaiPagesTest {

    private static final Path DATA = Path.of("/var/lib/lumbung");

    @Test
    void keepsItsStateInTheDataFolderUnlessGivenAFolderOrNone() {
        assertThat(OaiPages.stateFolder("", DATA, "jihi")).contains(Path.of("/var/lib/lumbung/kamelet/jihi"));
        assertThat(OaiPages.stateFolder("/srv/harvest", DATA, "jihi")).contains(Path.of("/srv/harvest"));
        assertThat(OaiPages.stateFolder("none", DATA, "jihi")).isEmpty();
        assertThat(OaiPages.stateFolder("NONE", DATA, "jihi")).isEmpty();
    }

    @Test
    void aSourceIdNeverLeadsItsDefaultFolderOutOfTheDataFolder() {
        Path folder = OaiPages.stateFolder("", DATA, "../../etc").orElseThrow();
        assertThat(folder.normalize().getParent()).isEqualTo(DATA.resolve("kamelet"));
    }
}
