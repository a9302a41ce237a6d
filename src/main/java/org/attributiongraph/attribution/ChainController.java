package org.attributiongraph.attribution;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.attributiongraph.security.Caller;
import org.attributiongraph.web.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/attribution/chains}: which states stand behind an entity, hop by hop, with evidence. */
@RestController
class ChainController {

    private final ChainService chains;

    ChainController(ChainService chains) {
        this.chains = chains;
    }

    @GetMapping("/api/attribution/chains")
    Chains chains(@RequestParam String from,
                  @RequestParam(defaultValue = "6") int maxHops,
                  @RequestParam(defaultValue = "0") int minConfidence,
                  @RequestParam(required = false) String asOf,
                  @RequestParam(defaultValue = "10") int limit,
                  Caller caller) {
        return chains.chains(from, maxHops, minConfidence, parseDate(asOf), limit, caller.clearance());
    }

    private static LocalDate parseDate(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf must be a date YYYY-MM-DD");
        }
    }
}
