package org.passerelle.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.content.Language;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

class TeamIntegrationTests {

    private final RedisStore store = TestRedis.newStore();
    private final Team team = new Team(store);

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static StaffAccount mediator(String username, Set<Language> languages, Set<Skill> skills) {
        return new StaffAccount(username, "Mediator " + username, StaffRole.MEDIATOR, "{bcrypt}hash-of-" + username,
                languages, skills);
    }

    private static StaffAccount admin(String username) {
        return new StaffAccount(username, "Admin " + username, StaffRole.ADMIN, "{bcrypt}hash-of-" + username,
                Set.of(), Set.of());
    }

    @Test
    void storesAnAccountAndFindsItAsTheQueueSeesHer() {
        var amina = mediator("amina", Set.of(Language.AR, Language.FR), Set.of(Skill.MINORS));

        assertThat(team.isEmpty()).isTrue();
        assertThat(team.create(amina)).isTrue();

        assertThat(team.isEmpty()).isFalse();
        assertThat(team.find("amina")).contains(amina);
        assertThat(team.find("amina").orElseThrow().mediator())
                .isEqualTo(new Mediator("amina", "Mediator amina", Set.of(Language.AR, Language.FR), Set.of(Skill.MINORS)));
        assertThat(team.find("nobody")).isEmpty();
        assertThat(team.find("Bad:Name")).isEmpty();
        assertThat(team.find(null)).isEmpty();
    }

    @Test
    void anAccountWithoutLanguagesOrSkillsComesBackEmptyMeaningAllLanguages() {
        team.create(mediator("lea", Set.of(), Set.of()));

        var lea = team.find("lea").orElseThrow();

        assertThat(lea.languages()).isEmpty();
        assertThat(lea.skills()).isEmpty();
    }

    @Test
    void refusesATakenUsernameAndKeepsTheFirstAccount() {
        var first = mediator("sam", Set.of(Language.EN), Set.of());
        team.create(first);

        assertThat(team.create(admin("sam"))).isFalse();

        assertThat(team.find("sam")).contains(first);
        assertThat(team.list()).hasSize(1);
    }

    @Test
    void twoAdminsCreatingTheSameUsernameAtOnceMakeOneAccount() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        var created = Collections.synchronizedList(new ArrayList<Boolean>());
        for (int i = 0; i < 16; i++) {
            var account = new StaffAccount("same", "Try " + i, StaffRole.MEDIATOR, "{bcrypt}h" + i, Set.of(), Set.of());
            pool.execute(() -> {
                try {
                    start.await();
                    created.add(team.create(account));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(created).hasSize(16).containsOnlyOnce(true);
        assertThat(team.list()).hasSize(1);
    }

    @Test
    void createsTheFirstAccountOnlyWhenThereIsNone() {
        assertThat(team.createFirst(admin("root"))).isTrue();

        assertThat(team.createFirst(admin("other"))).isFalse();

        assertThat(team.list()).extracting(StaffAccount::username).containsExactly("root");
    }

    @Test
    void listsEveryAccountByUsername() {
        team.create(mediator("zoe", Set.of(), Set.of()));
        team.create(admin("boss"));
        team.create(mediator("amina", Set.of(Language.AR), Set.of()));

        assertThat(team.list()).extracting(StaffAccount::username).containsExactly("amina", "boss", "zoe");
    }

    @Test
    void updatesTheProfileAndKeepsTheStoredPasswordHash() {
        team.create(admin("boss"));
        team.create(mediator("amina", Set.of(Language.AR), Set.of()));
        var changed = new StaffAccount("amina", "Amina B.", StaffRole.ADMIN, "{bcrypt}not-this-one",
                Set.of(Language.AR, Language.EN), Set.of(Skill.MINORS));

        var stored = team.updateProfile(changed).orElseThrow();

        assertThat(stored).isEqualTo(changed.withPasswordHash("{bcrypt}hash-of-amina"));
        assertThat(team.find("amina")).contains(stored);
        assertThat(team.updateProfile(mediator("ghost", Set.of(), Set.of()))).isEmpty();
        assertThat(team.find("ghost")).isEmpty();
    }

    @Test
    void changesThePasswordHashOfAnExistingAccountOnly() {
        team.create(mediator("amina", Set.of(), Set.of()));

        assertThat(team.changePasswordHash("amina", "{bcrypt}new")).isTrue();
        assertThat(team.changePasswordHash("ghost", "{bcrypt}new")).isFalse();

        assertThat(team.find("amina").orElseThrow().passwordHash()).isEqualTo("{bcrypt}new");
        assertThat(team.find("ghost")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> team.changePasswordHash("amina", " "));
    }

    @Test
    void removesAnAccountSoThatItsUsernameCanBeTakenAgain() {
        team.create(admin("boss"));
        team.create(mediator("amina", Set.of(), Set.of()));

        assertThat(team.remove("amina")).isTrue();
        assertThat(team.remove("amina")).isFalse();

        assertThat(team.find("amina")).isEmpty();
        assertThat(team.list()).extracting(StaffAccount::username).containsExactly("boss");
        assertThat(team.create(mediator("amina", Set.of(), Set.of()))).isTrue();
    }

    @Test
    void neverRemovesNorDemotesTheLastAdmin() {
        team.create(admin("boss"));
        team.create(mediator("amina", Set.of(), Set.of()));

        assertThatThrownBy(() -> team.remove("boss")).isInstanceOf(LastAdminException.class)
                .hasMessageContaining("boss");
        assertThatThrownBy(() -> team.updateProfile(mediator("boss", Set.of(), Set.of())))
                .isInstanceOf(LastAdminException.class);
        assertThat(team.find("boss").map(StaffAccount::role)).contains(StaffRole.ADMIN);

        team.create(admin("second"));
        assertThat(team.updateProfile(mediator("boss", Set.of(), Set.of()))).isPresent();
        assertThatThrownBy(() -> team.remove("second")).isInstanceOf(LastAdminException.class);
        assertThat(team.remove("boss")).isTrue();
    }

    @Test
    void twoAdminsRemovingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        for (int round = 0; round < 20; round++) {
            try (var fresh = TestRedis.newStore()) {
                var both = new Team(fresh);
                both.create(admin("a"));
                both.create(admin("b"));
                var pool = Executors.newFixedThreadPool(2);
                var start = new CountDownLatch(1);
                for (var target : List.of("a", "b")) {
                    pool.execute(() -> {
                        try {
                            start.await();
                            both.remove(target);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (LastAdminException expected) {
                            // The other one went first.
                        }
                    });
                }
                start.countDown();
                pool.shutdown();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
                assertThat(both.list()).filteredOn(StaffAccount::isAdmin).hasSize(1);
            }
        }
    }
}
