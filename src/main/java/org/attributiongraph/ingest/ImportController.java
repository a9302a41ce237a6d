package org.attributiongraph.ingest;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.attributiongraph.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/imports?format=...}: the file as the raw body or as a multipart {@code file} part. */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> importMultipart(@RequestParam String format, @RequestPart("file") MultipartFile file)
            throws IOException {
        return created(imports.importFile(format, file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping
    ResponseEntity<ImportResult> importBody(@RequestParam String format,
                                            @RequestHeader(name = "X-File-Name", required = false) String fileName,
                                            @RequestBody(required = false) byte[] body) {
        return created(imports.importFile(format, fileName, body == null ? new byte[0] : body));
    }

    @GetMapping("/{run}")
    Map<String, Object> run(@PathVariable String run) {
        return imports.run(run).orElseThrow(() -> new NotFoundException("No import run " + run));
    }

    private static ResponseEntity<ImportResult> created(ImportResult result) {
        return ResponseEntity.created(URI.create("/api/imports/" + result.run())).body(result);
    }
}
