package org.passerelle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every settings record of Passerelle is bound, although the classpath is not scanned for them. */
class ConfigurationPropertiesRegistrationTests {

    @Test
    void everySettingsRecordOfPasserelleIsListedOnTheApplication() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        var found = scanner.findCandidateComponents("org.passerelle").stream()
                .map(definition -> definition.getBeanClassName())
                .toList();
        var listed = Arrays.stream(PasserelleApplication.class.getAnnotation(EnableConfigurationProperties.class).value())
                .map(Class::getName)
                .toList();

        assertThat(found).as("the settings records found on the classpath").hasSizeGreaterThanOrEqualTo(20);
        assertThat(listed).as("the records listed on PasserelleApplication").containsExactlyInAnyOrderElementsOf(found);
    }
}
