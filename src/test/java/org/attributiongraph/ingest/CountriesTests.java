package org.attributiongraph.ingest;

import static org.attributiongraph.Fixtures.sharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Country names as feeds write them, resolved to ISO 3166-1 alpha-2 codes. */
class CountriesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            China                              | CN
            People's Republic of China         | CN
            PRC                                | CN
            CN                                 | CN
            cn                                 | CN
            US                                 | US
            USA                                | US
            U.S.                               | US
            United States                      | US
            United States of America           | US
            UK                                 | GB
            United Kingdom                     | GB
            Great Britain                      | GB
            Russia                             | RU
            Russian Federation                 | RU
            South Korea                        | KR
            'Korea, Republic of'               | KR
            Korea (Republic of)                | KR
            North Korea                        | KP
            Korea (Democratic People's Republic of) | KP
            Iran                               | IR
            'Iran, Islamic Republic of'        | IR
            Iran (Islamic Republic of)         | IR
            Taiwan                             | TW
            Viet Nam                           | VN
            Vietnam                            | VN
            The Philippines                    | PH
            Turkey                             | TR
            Türkiye                            | TR
            Ivory Coast                        | CI
            Côte d’Ivoire                      | CI
            Czech Republic                     | CZ
            Palestine                          | PS
            Hong Kong                          | HK
            Bosnia and Herzegovina             | BA
            Saint Kitts and Nevis              | KN
            """)
    void resolvesNamesAndCodes(String name, String code) {
        assertThat(Countries.code(name)).as(name).contains(code);
    }

    @ParameterizedTest
    @CsvSource({"Asia", "Atlantis", "Unknown", "XK", "EU", "''"})
    void regionsUnknownNamesAndUnassignedCodesResolveToNothing(String name) {
        assertThat(Countries.code(name)).isEqualTo(Optional.empty());
    }

    @Test
    void namesAreTheEnglishShortNamesExceptWhereTheCuratedCasesDiffer() {
        assertThat(Countries.name("DE")).isEqualTo("Germany");
        assertThat(Countries.name("KR")).isEqualTo("South Korea");
        assertThat(Countries.name("US")).isEqualTo("United States");
        assertThat(Countries.name("CN")).isEqualTo("People's Republic of China");
        assertThatThrownBy(() -> Countries.name("XK")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesMustBeAssignedAndInCapitals() {
        assertThat(Countries.isCode("DE")).isTrue();
        assertThat(Countries.isCode("de")).isFalse();
        assertThat(Countries.isCode("XK")).isFalse();
        assertThat(Countries.isCode("Germany")).isFalse();
    }

    @Test
    void everyCountryOfTheMispClusterResolvesByNameAndByValue() throws IOException {
        Path file = sharedData("misp-galaxy/clusters/country.json");
        var values = JsonMapper.builder().build().readTree(Files.readAllBytes(file)).get("values");
        int checked = 0;
        List<String> unresolved = new ArrayList<>();
        for (var value : values) {
            String code = value.at("/meta/ISO").asString();
            if (!Countries.isCode(code)) {
                continue;
            }
            for (String name : List.of(value.get("description").asString(), value.get("value").asString())) {
                if (!Countries.code(name).equals(Optional.of(code))) {
                    unresolved.add(name + " (" + code + ")");
                }
            }
            checked++;
        }
        assertThat(unresolved).isEmpty();
        assertThat(checked).isEqualTo(Locale.getISOCountries().length);
    }
}
