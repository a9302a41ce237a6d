package org.attributiongraph.blastradius;

import org.attributiongraph.web.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
                            @RequestParam(defaultValue = "100") int limit) {
        checkDepth(depth);
        if (offset < 0) {
            throw new BadRequestException("offset must not be negative");
        }
        if (limit < 1 || limit > BlastRadiusService.MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + BlastRadiusService.MAX_LIMIT);
        }
        return service.blastRadius(id, depth, offset, limit);
    }

    @GetMapping("/api/organizations/{id}/exposure")
    BlastRadius.Exposure exposure(@PathVariable String id, @RequestParam(defaultValue = "3") int depth) {
        checkDepth(depth);
        return service.exposure(id, depth);
    }

    private static void checkDepth(int depth) {
        if (depth < 1 || depth > BlastRadiusService.MAX_DEPTH) {
            throw new BadRequestException("depth must be between 1 and " + BlastRadiusService.MAX_DEPTH);
        }
    }
}
