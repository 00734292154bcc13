package org.changchun.layout.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.changchun.layout.LayoutApplication;
import org.changchun.layout.support.TestPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The production store does not start with passwords anyone could guess. */
class InsecureDefaultsTest {

    @Test
    void postgisRefusesToStartWithADefaultPasswordOrAPlainTextAccount() {
        TestPostgis.Database database = TestPostgis.instance().newDatabase();
        String[] base = {"--server.port=0", "--spring.main.banner-mode=off", "--plan.data.load=false",
            "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user()};
        assertThatThrownBy(() -> start(base, "--spring.datasource.password=changchun"))
                .rootCause().isInstanceOf(InsecureConfigurationException.class).hasMessageContaining("PLAN_DB_PASSWORD");
        assertThatThrownBy(() -> start(base, "--spring.datasource.password=a-real-secret-1",
                "--plan.security.users[0].name=x", "--plan.security.users[0].password={noop}x",
                "--plan.security.users[0].roles=EDITOR"))
                .rootCause().isInstanceOf(InsecureConfigurationException.class).hasMessageContaining("{noop}");
    }

    private static void start(String[] base, String... more) {
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        new SpringApplicationBuilder(LayoutApplication.class).run(args).close();
    }
}
