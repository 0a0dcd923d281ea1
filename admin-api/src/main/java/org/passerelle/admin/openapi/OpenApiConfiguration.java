package org.passerelle.admin.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the staff API's description says about itself, which routes it holds and their tags. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";
    private static final String STAFF_API = "/api/";
    private static final String FEATURES = "org.passerelle.admin.";

    /** Each feature package's tag, in the order shown. */
    private static final Map<String, Tag> TAGS = Map.of(
            "content", tag("content", "The rights-information content: drafts, review, publish, versions, rollback."),
            "schedule", tag("services", "Services, their weekly rules and exceptions, slots, bookings and attendance."),
            "inbox", tag("inbox", "Conversations waiting for a mediator: claim, answer, release, transfer, close."),
            "team", tag("team", "Staff accounts, roles, languages and the team's hours."),
            "stats", tag("stats", "Anonymous daily counters."),
            "audit", tag("audit", "Who changed what, and sign-in outcomes."));
    private static final List<String> ORDER = List.of("content", "services", "inbox", "team", "stats", "audit");

    @Bean
    OpenAPI staffApi() {
        var version = Objects.requireNonNullElse(OpenApiConfiguration.class.getPackage().getImplementationVersion(),
                "development");
        return new OpenAPI()
                .info(new Info().title("Passerelle staff API").version(version)
                        .description("The REST API of the mediators' inbox and the admins' tools. Scripts sign in"
                                + " with HTTP Basic; the staff pages' session works too, with its CSRF token."))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Tags an operation with its controller's feature package. */
    @Bean
    OperationCustomizer featureTags() {
        return (operation, handler) -> {
            var name = handler.getBeanType().getPackageName();
            var feature = name.startsWith(FEATURES) ? name.substring(FEATURES.length()) : name;
            // A feature's sub-package (stats.barriers) carries the feature's tag.
            var tag = TAGS.get(feature.split("\\.")[0]);
            operation.setTags(List.of(tag == null ? feature : tag.getName()));
            return operation;
        };
    }

    /** Keeps the staff's {@code /api} routes only, and the descriptions of the tags in use. */
    @Bean
    OpenApiCustomizer staffRoutesOnly() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().keySet().removeIf(path -> !path.startsWith(STAFF_API));
            }
            var used = new HashSet<String>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getTags() != null) {
                        used.addAll(operation.getTags());
                    }
                }));
            }
            openApi.setTags(TAGS.values().stream().filter(tag -> used.contains(tag.getName()))
                    .sorted((a, b) -> Integer.compare(ORDER.indexOf(a.getName()), ORDER.indexOf(b.getName())))
                    .toList());
        };
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
