package org.attributiongraph.entity;

import org.attributiongraph.security.Caller;
import org.attributiongraph.web.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search, look-up and counts, each narrowed to the caller's clearance. */
@RestController
class EntityController {

    private final EntityService entities;

    EntityController(EntityService entities) {
        this.entities = entities;
    }

    @GetMapping("/api/entities")
    EntityViews.SearchResult search(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(defaultValue = "20") int limit,
                                    Caller caller) {
        if (limit < 1 || limit > EntityService.MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + EntityService.MAX_LIMIT);
        }
        if (q != null && q.length() > 200) {
            throw new BadRequestException("q must be at most 200 characters");
        }
        return entities.search(q, type, limit, caller.clearance());
    }

    @GetMapping("/api/entities/{id}")
    EntityViews.Entity entity(@PathVariable String id, Caller caller) {
        return entities.entity(id, caller.clearance());
    }

    @GetMapping("/api/stats")
    EntityViews.Stats stats(Caller caller) {
        return entities.stats(caller.clearance());
    }
}
