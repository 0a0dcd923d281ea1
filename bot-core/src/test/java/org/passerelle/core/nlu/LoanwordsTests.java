package org.passerelle.core.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoanwordsTests {

    private final Loanwords loanwords = Loanwords.shipped();

    @Test
    void setsFrenchPaperworkWordsAsideInsideAnotherLanguage() {
        var scan = loanwords.scan("¿cómo consigo el titre de séjour?");

        assertThat(scan.onlyLoanwords()).isFalse();
        assertThat(scan.rest()).isEqualTo("¿cómo consigo el ?");
    }

    @Test
    void matchesWithoutCaseOrAccentsAndKeepsTheAccentsOfTheRest() {
        var scan = loanwords.scan("RECEPISSE da Préfecture amanhã");

        assertThat(scan.rest()).doesNotContainIgnoringCase("recepisse").doesNotContainIgnoringCase("prefecture")
                .contains("da").contains("amanhã");
    }

    @Test
    void prefersTheLongestPhrase() {
        assertThat(loanwords.scan("vreau demande d'asile acum").rest()).isEqualTo("vreau  acum");
    }

    @Test
    void keepsAMessageOfLoanwordsAloneAndSaysSo() {
        var scan = loanwords.scan("titre de séjour ?");

        assertThat(scan.onlyLoanwords()).isTrue();
        assertThat(scan.rest()).isEqualTo("titre de séjour ?");
    }

    @Test
    void neverCutsInsideAWord() {
        var scan = loanwords.scan("cafe con leche");

        assertThat(scan.rest()).isEqualTo("cafe con leche");
        assertThat(scan.onlyLoanwords()).isFalse();
    }

    @Test
    void aTextWithoutWordsIsNoLoanword() {
        assertThat(loanwords.scan("😀 !!")).isEqualTo(new Loanwords.Scan("😀 !!", false));
        assertThat(loanwords.scan("")).isEqualTo(new Loanwords.Scan("", false));
    }
}
