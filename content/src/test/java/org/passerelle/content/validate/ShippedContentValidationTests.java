package org.passerelle.content.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;

/** The build fails when the content shipped in the jar would be refused at publish. */
class ShippedContentValidationTests {

    @Test
    void shippedContentPassesTheValidatorInEveryLanguage() {
        var catalog = ContentLoader.fromClasspath();
        assertThat(catalog.languages()).containsExactly(Language.values());
        assertThat(ContentValidator.forEveryLanguage().check(catalog)).isEmpty();
    }
}
