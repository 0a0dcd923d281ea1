package org.passerelle.app;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code passerelle.*} that belong to no single feature.
 *
 * @param dataDir where the embedded Redis keeps its append-only file and where a generated
 *                pseudonym secret is kept; {@code ./data} by default
 */
@ConfigurationProperties("passerelle")
public record PasserelleSettings(@DefaultValue("./data") Path dataDir) {
}
