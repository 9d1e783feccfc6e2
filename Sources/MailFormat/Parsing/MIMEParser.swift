import Foundation

/// Splits raw bytes into header fields and MIME parts.
///
/// Every loop moves forward through the input, nesting is capped at `maxDepth` (deeper multiparts stay opaque) and
/// the whole tree at `maxParts` parts, so the work is linear in the input size for a fixed depth.
struct MIMEParser {
    static let maxDepth = 20
    static let maxParts = 500
    /// Header fields kept per entity; further fields are skipped (their bytes are still scanned).
    static let maxHeaderFields = 2000

    private(set) var partCount = 0

    // MARK: - Header sections

    struct HeaderSection {
        var fields: [(name: String, value: String)]
        var body: ArraySlice<UInt8>
        /// Whether an empty line ended the header section (rather than the end of the input).
        var foundSeparator: Bool
    }

    /// The header of a whole message: like `parseHeaders`, after skipping what some pipes put before it. Empty (or
    /// blank) lines first, and an mbox envelope line (`From sender@example.com Sat Mar  3 17:21:00 2026`, written by
    /// Postfix's pipe with flags=F and by procmail), would otherwise end or precede the header.
    static func parseMessageHeaders(_ bytes: ArraySlice<UInt8>) -> HeaderSection {
        var start = skipBlankLines(bytes)
        let envelope = Array("From ".utf8)
        if bytes[start...].starts(with: envelope),
            bytes[(start + envelope.count)...].first(where: { $0 != 0x20 && $0 != 0x09 }) != UInt8(ascii: ":")
        {
            // Not "From : a@b.nl", a header field with a space before its colon.
            start = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex
        }
        return parseHeaders(bytes[start...])
    }

    /// The index after any leading lines that hold nothing but spaces, tabs and CR.
    private static func skipBlankLines(_ bytes: ArraySlice<UInt8>) -> Int {
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: 0x0A),
            bytes[start..<newline].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        {
            start = newline + 1
        }
        return start
    }

    /// Reads header fields up to the first empty line (LF or CRLF); the rest is the body.
    ///
    /// Lines without a colon, or whose name holds spaces or controls (an mbox `From ` line, junk), are skipped.
    ///
    /// With `endAtNonHeaderLine` (MIME parts), such a line instead ends the header section and is the first line of
    /// the body: parts that omit the empty line before their content, read as Python's `email` package
    /// (policy=email.policy.default) reads them, noting a MissingHeaderBodySeparatorDefect. A header-like first
    /// content line ("Opmerking: ...") is therefore taken as a field, as there too. The top-level header keeps
    /// skipping junk lines: losing From or Subject to one stray line would cost more than a missing separator there.
    static func parseHeaders(_ bytes: ArraySlice<UInt8>, endAtNonHeaderLine: Bool = false) -> HeaderSection {
        var fields: [(name: String, value: String)] = []
        var currentName: String?
        var currentValue: [UInt8] = []
        var lineStart = bytes.startIndex

        func finish() {
            guard let name = currentName else { return }
            currentName = nil
            if fields.count < maxHeaderFields {
                fields.append((name, Charset.utf8OrWindows1252(trimmed(currentValue[...]))))
            }
            currentValue.removeAll(keepingCapacity: true)
        }

        while lineStart < bytes.endIndex {
            let newline = bytes[lineStart...].firstIndex(of: 0x0A)
            let lineEnd = newline ?? bytes.endIndex
            let next = newline.map { $0 + 1 } ?? bytes.endIndex
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = bytes[lineStart..<contentEnd]

            if line.isEmpty {
                finish()
                return HeaderSection(fields: fields, body: bytes[next...], foundSeparator: true)
            }
            if let first = line.first, first == 0x20 || first == 0x09 {
                // A continuation: unfolding drops only the line break (RFC 5322 §2.2.3).
                if currentName != nil, currentValue.count < 1_000_000 { currentValue += line }
                lineStart = next
                continue
            }
            finish()
            if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                var nameEnd = colon
                while nameEnd > line.startIndex, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
                let name = line[line.startIndex..<nameEnd]
                if !name.isEmpty, name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                    currentName = String(decoding: name, as: UTF8.self)
                    currentValue += line[(colon + 1)...]
                    lineStart = next
                    continue
                }
            }
            if endAtNonHeaderLine {
                return HeaderSection(fields: fields, body: bytes[lineStart...], foundSeparator: false)
            }
            lineStart = next
        }
        finish()
        return HeaderSection(fields: fields, body: bytes[bytes.endIndex...], foundSeparator: false)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) })
        else { return bytes[bytes.endIndex...] }
        return bytes[start...end]
    }

    // MARK: - Entities

    /// Builds the part for one entity, splitting multiparts recursively while depth and part budget allow.
    mutating func parseEntity(
        headers: [(name: String, value: String)], body: ArraySlice<UInt8>, depth: Int,
        defaultType: ContentType = .textPlain
    ) -> MIMEPart {
        let id = partCount
        partCount += 1
        let headerValue: (String) -> String? = { name in
            headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
        }
        var contentType = ContentType(parsing: headerValue("Content-Type"), default: defaultType)
        let disposition = headerValue("Content-Disposition").map { HeaderParameters.split($0) }
        let transferEncoding = (headerValue("Content-Transfer-Encoding") ?? "7bit")
            .trimmingCharacters(in: .whitespaces).lowercased()

        var children: [MIMEPart] = []
        if contentType.type == "multipart", depth < Self.maxDepth, let boundary = contentType.parameters["boundary"],
            !boundary.isEmpty, boundary.utf8.count <= 256
        {
            let childDefault =
                contentType.subtype == "digest"
                ? ContentType(type: "message", subtype: "rfc822", parameters: [:]) : .textPlain
            for partBytes in Self.splitMultipart(body, boundary: Array(boundary.utf8)) {
                guard partCount < Self.maxParts else { break }
                let section = Self.parseHeaders(partBytes, endAtNonHeaderLine: true)
                children.append(
                    parseEntity(
                        headers: section.fields, body: section.body, depth: depth + 1, defaultType: childDefault))
            }
            if children.isEmpty && depth == 0 {
                // Declared multipart, but no delimiter line: read what is there as plain text. Only for the message
                // itself; a nested multipart without delimiters stays an empty multipart that holds no body, as in
                // Python's `email` (StartBoundaryNotFoundDefect). That is what a nested part that reuses its parent's
                // boundary becomes: the parent's delimiters split everything, so the inner parts are read as the
                // parent's, the inner preamble is ignored, and the first close delimiter ends the parent.
                contentType = ContentType(type: "text", subtype: "plain", parameters: [:])
            }
        }

        var filename = disposition?.parameters["filename"] ?? contentType.parameters["name"]
        if let name = filename {
            var decoded = name.contains("=?") ? HeaderEncoding.decode(name) : name
            if let slash = decoded.lastIndex(where: { $0 == "/" || $0 == "\\" }) {
                decoded = String(decoded[decoded.index(after: slash)...])
            }
            decoded = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
            filename = decoded.isEmpty ? nil : decoded
        }

        return MIMEPart(
            headers: headers, contentType: contentType, disposition: disposition.map { $0.head.lowercased() },
            filename: filename, transferEncoding: transferEncoding, body: body, children: children, id: id)
    }

    /// The bodies between `--boundary` delimiter lines (RFC 2046 §5.1.1).
    ///
    /// The preamble before the first delimiter and the epilogue after `--boundary--` are ignored; a missing close
    /// delimiter ends the last part at the end of the input. A delimiter line must be exactly the boundary, apart
    /// from trailing whitespace, so a boundary that is a prefix of a nested one cannot split the inner part.
    static func splitMultipart(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter = [UInt8(ascii: "-"), UInt8(ascii: "-")] + boundary
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let newline = body[lineStart...].firstIndex(of: 0x0A)
            let lineEnd = newline ?? body.endIndex
            let next = newline.map { $0 + 1 } ?? body.endIndex
            if lineEnd - lineStart >= delimiter.count, body[lineStart] == UInt8(ascii: "-"),
                body[lineStart..<(lineStart + delimiter.count)].elementsEqual(delimiter)
            {
                var rest = body[(lineStart + delimiter.count)..<lineEnd]
                let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                if isClose { rest = rest.dropFirst(2) }
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        // The line break before a delimiter belongs to the delimiter.
                        var end = lineStart
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(body[start..<end])
                        if parts.count >= maxParts { return parts }
                    }
                    if isClose { return parts }
                    partStart = next
                }
            }
            lineStart = next
        }
        if let start = partStart, start <= body.endIndex { parts.append(body[start..<body.endIndex]) }
        return parts
    }
}
