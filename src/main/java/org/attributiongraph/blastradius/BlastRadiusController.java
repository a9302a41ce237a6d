package org.attributiongraph.blastradius;

import java.util.Locale;

import org.attributiongraph.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** If this provider is breached, who is exposed; and the reverse, through which providers an organization is exposed. */
@RestController
class BlastRadiusController {

    private final BlastRadiusService service;

    BlastRadiusController(BlastRadiusService service) {
        this.service = service;
    }

    @GetMapping("/api/msps/{id}/blast-radius")
    BlastRadius blastRadius(@PathVariable String id,
                            @RequestParam(defaultValue = "2") int depth,
                            @RequestParam(defaultValue = "0") int offset,
                            @RequestParam(defaultValue = "100") int limit,
                            @RequestHeader(name = HttpHeaders.CACHE_CONTROL, required = false) String cacheControl,
                            Caller caller) {
        // "Cache-Control: no-cache" asks for the radius to be computed again, as HTTP has it.
        boolean fresh = cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache");
        return service.blastRadius(id, depth, offset, limit, caller.clearance(), fresh);
    }

    @GetMapping("/api/organizations/{id}/exposure")
    BlastRadius.Exposure exposure(@PathVariable String id, @RequestParam(defaultValue = "3") int depth, Caller caller) {
        return service.exposure(id, depth, caller.clearance());
    }
}
