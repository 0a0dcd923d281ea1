package org.passerelle.content.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentProblemTests {

    @Test
    void describesTheTopicLanguageAndFieldOnOneLine() {
        var problem = new ContentProblem("complaint", "ro", "sms", "3 segments (UCS-2 because of \"ș\"), at most 2");

        assertThat(problem.describe()).isEqualTo("complaint [ro] sms: 3 segments (UCS-2 because of \"ș\"), at most 2");
        assertThat(problem).hasToString(problem.describe());
    }

    @Test
    void leavesOutTheLanguageAndFieldWhenThereAreNone() {
        assertThat(new ContentProblem("gamma", null, null, "missing").describe()).isEqualTo("gamma: missing");
        assertThat(new ContentProblem("alpha", null, "sources", "none").describe()).isEqualTo("alpha sources: none");
        assertThat(new ContentProblem("beta", "en", null, "missing").describe()).isEqualTo("beta [en]: missing");
    }
}
