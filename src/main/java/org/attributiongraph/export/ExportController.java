package org.attributiongraph.export;

import org.attributiongraph.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/export...}: a neighbourhood, the attribution chains of an entity, or a provider's
 * blast radius as a file to download. {@code X-TLP} names the most restrictive marking in the file
 * (STIX has no bundle-level marking, so every format says it here too). The cap is {@code maxTlp}
 * lowered to the caller's clearance.
 */
@RestController
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/export")
    ResponseEntity<byte[]> neighbourhood(@RequestParam String root,
                                         @RequestParam(defaultValue = "2") int depth,
                                         @RequestParam(defaultValue = "stix") String format,
                                         @RequestParam(required = false) String maxTlp,
                                         Caller caller) {
        return file(exports.export(new Selection.Neighbourhood(root, depth), ExportService.format(format), ExportService.cap(maxTlp), caller.clearance()));
    }

    @GetMapping("/api/export/chain")
    ResponseEntity<byte[]> chain(@RequestParam String from,
                                 @RequestParam(required = false) String state,
                                 @RequestParam(defaultValue = "6") int maxHops,
                                 @RequestParam(defaultValue = "stix") String format,
                                 @RequestParam(required = false) String maxTlp,
                                 Caller caller) {
        String to = state == null || state.isBlank() ? null : state;
        return file(exports.export(new Selection.Chain(from, to, maxHops), ExportService.format(format), ExportService.cap(maxTlp), caller.clearance()));
    }

    @GetMapping("/api/export/blast-radius")
    ResponseEntity<byte[]> blastRadius(@RequestParam String msp,
                                       @RequestParam(defaultValue = "2") int depth,
                                       @RequestParam(defaultValue = "stix") String format,
                                       @RequestParam(required = false) String maxTlp,
                                 Caller caller) {
        return file(exports.export(new Selection.BlastRadius(msp, depth), ExportService.format(format), ExportService.cap(maxTlp), caller.clearance()));
    }

    private static ResponseEntity<byte[]> file(ExportService.Export export) {
        var written = export.file();
        var response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(export.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .header("X-TLP", written.highest().word());
        if (written.omitted() > 0) {
            // Nodes or relationships the format cannot carry (see the README's Export section).
            response.header("X-Export-Omitted", Integer.toString(written.omitted()));
        }
        return response.body(written.content());
    }
}
