package org.passerelle.content.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.content.load.ContentLoader;

/** The build fails when the content shipped in the jar would be refused at publish. */
class ShippedContentValidationTests {

    @Test
    void shippedContentPassesTheValidatorInEveryLanguageItOffers() {
        var catalog = ContentLoader.fromClasspath();
        var required = EnumSet.of(Language.FR, Language.EN);
        required.addAll(catalog.languages());

        assertThat(catalog.languages()).contains(Language.FR, Language.EN);
        assertThat(new ContentValidator(required).check(catalog)).isEmpty();
    }
}
