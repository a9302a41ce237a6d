package org.attributiongraph.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.attributiongraph.web.BadRequestException;
import org.junit.jupiter.api.Test;

class EntityServiceTests {

    @Test
    void queryTermsFollowTheAnalyzer() {
        assertThat(EntityService.luceneQuery("Stone Panda")).isEqualTo("stone* AND panda*");
        assertThat(EntityService.luceneQuery("U.S. Navy")).isEqualTo("u.s* AND navy*");
        assertThat(EntityService.luceneQuery("Huaying-Haitai")).isEqualTo("huaying* AND haitai*");
        assertThat(EntityService.luceneQuery("People's Republic")).isEqualTo("people's* AND republic*");
        assertThat(EntityService.luceneQuery("朱华")).isEqualTo("朱 AND 华");
    }

    @Test
    void luceneSyntaxInInputIsInert() {
        assertThat(EntityService.luceneQuery("name:(APT10 OR *) AND \"x\"~2 \\ /re/"))
                .isEqualTo("name* AND apt10* AND or* AND and* AND x* AND 2* AND re*");
        assertThatThrownBy(() -> EntityService.luceneQuery("*** ()")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> EntityService.luceneQuery("\u0000")).isInstanceOf(BadRequestException.class);
    }
}
