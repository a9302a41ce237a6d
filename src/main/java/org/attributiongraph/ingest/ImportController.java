package org.attributiongraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.attributiongraph.web.BadRequestException;
import org.attributiongraph.web.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports?format=...}: the file as the raw body or as a multipart {@code file} part,
 * at most {@code graph.import.max-upload-size} bytes (413 beyond).
 */
@RestController
@RequestMapping("/api/imports")
@EnableConfigurationProperties(ImportProperties.class)
class ImportController {

    /** File names are recorded as provenance and shown in reports: one printable line of sane length. */
    static final int MAX_FILE_NAME = 255;

    private final ImportService imports;
    private final long maxUploadSize;

    ImportController(ImportService imports, ImportProperties properties) {
        this.imports = imports;
        this.maxUploadSize = properties.maxUploadSize().toBytes();
    }

    /** The multipart resolver has already bounded the part by the same limit (spring.servlet.multipart.*). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> importMultipart(@RequestParam String format, @RequestPart("file") MultipartFile file)
            throws IOException {
        if (file.getSize() > maxUploadSize) {
            throw new MaxUploadSizeExceededException(maxUploadSize);
        }
        return created(imports.importFile(format, fileName(file.getOriginalFilename(), "the multipart file name"), file.getBytes()));
    }

    /**
     * Refuses a declared length over the limit before reading a byte (so a client that sent
     * {@code Expect: 100-continue} never sends the body), and reads a chunked body no further than
     * one byte past the limit.
     */
    @PostMapping
    ResponseEntity<ImportResult> importBody(@RequestParam String format,
                                            @RequestHeader(name = "X-File-Name", required = false) String fileName,
                                            HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxUploadSize) {
            throw new MaxUploadSizeExceededException(maxUploadSize);
        }
        String name = fileName(fileName, "X-File-Name");
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUploadSize + 1));
        }
        if (body.length > maxUploadSize) {
            throw new MaxUploadSizeExceededException(maxUploadSize);
        }
        return created(imports.importFile(format, name, body));
    }

    @GetMapping("/{run}")
    Map<String, Object> run(@PathVariable String run) {
        BadRequestException.requireId("run", run);
        return imports.run(run).orElseThrow(() -> new NotFoundException("No import run " + run));
    }

    private static String fileName(String name, String what) {
        if (name == null) {
            return null;
        }
        if (name.length() > MAX_FILE_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException(what + " must be at most " + MAX_FILE_NAME + " characters without control characters");
        }
        return name;
    }

    private static ResponseEntity<ImportResult> created(ImportResult result) {
        return ResponseEntity.created(URI.create("/api/imports/" + result.run())).body(result);
    }
}
