package org.attributiongraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.attributiongraph.graph.GraphModel.Tlp;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

class ApiKeysTests {

    private static final String HASH = ApiKeys.sha256Hex("s3cret");

    @Test
    void aKeyIsFoundByItsHashWithItsRoleAndClearance() {
        var keys = new ApiKeys(List.of(new SecurityProperties.Key("ops", HASH.toUpperCase(), Role.ANALYST, "AMBER+STRICT"),
                new SecurityProperties.Key("bot", ApiKeys.sha256Hex("other"), Role.READER, "tlp:green")), "clear");
        assertThat(keys.lookup("s3cret")).contains(new Caller("ops", Role.ANALYST, Tlp.AMBER_STRICT));
        assertThat(keys.lookup("other")).contains(new Caller("bot", Role.READER, Tlp.GREEN));
        assertThat(keys.lookup("s3cret ")).isEmpty();
        assertThat(keys.lookup("")).isEmpty();
        assertThatThrownBy(() -> keys.authenticate(ApiKeyAuthentication.unauthenticated("guess"))).isInstanceOf(BadCredentialsException.class);
        var authenticated = keys.authenticate(ApiKeyAuthentication.unauthenticated("s3cret"));
        assertThat(authenticated.isAuthenticated()).isTrue();
        assertThat(authenticated.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ANALYST");
        assertThat(authenticated.getCredentials()).isNull();
    }

    @Test
    void theKnownSha256OfAKey() {
        // echo -n abc | sha256sum
        assertThat(ApiKeys.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void anonymousClearanceIsAWordOrNone() {
        assertThat(new ApiKeys(List.of(), "green").anonymousClearance()).contains(Tlp.GREEN);
        assertThat(new ApiKeys(List.of(), "none").anonymousClearance()).isEmpty();
        assertThatThrownBy(() -> new ApiKeys(List.of(), "white")).hasMessageContaining("anonymous-clearance");
    }

    @Test
    void aBadKeyConfigurationStopsTheStart() {
        assertThatThrownBy(() -> new ApiKeys(List.of(new SecurityProperties.Key("x", "abc", Role.ADMIN, "red")), "clear"))
                .hasMessageContaining("keys[0].sha256");
        assertThatThrownBy(() -> new ApiKeys(List.of(new SecurityProperties.Key("x", HASH, null, "red")), "clear"))
                .hasMessageContaining("keys[0].role");
        assertThatThrownBy(() -> new ApiKeys(List.of(new SecurityProperties.Key("x", HASH, Role.ADMIN, "secret")), "clear"))
                .hasMessageContaining("keys[0].clearance");
        assertThatThrownBy(() -> new ApiKeys(List.of(new SecurityProperties.Key(" ", HASH, Role.ADMIN, "red")), "clear"))
                .hasMessageContaining("keys[0].name");
    }

    @Test
    void hashKeyPrintsTheHashOfTheFirstLine() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = HashKeyCommand.run(new ByteArrayInputStream("s3cret\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(HASH + System.lineSeparator());
        assertThat(HashKeyCommand.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }

    @Test
    void clearanceListsTheWordsAtOrBelow() {
        assertThat(Tlp.CLEAR.atOrBelow()).containsExactly("clear");
        assertThat(Tlp.AMBER.atOrBelow()).containsExactly("clear", "green", "amber");
        assertThat(Tlp.RED.atOrBelow()).containsExactly("clear", "green", "amber", "amber+strict", "red");
        assertThat(Tlp.RED.min(Tlp.GREEN)).isEqualTo(Tlp.GREEN);
        assertThat(Tlp.CLEAR.min(Tlp.AMBER)).isEqualTo(Tlp.CLEAR);
    }
}
