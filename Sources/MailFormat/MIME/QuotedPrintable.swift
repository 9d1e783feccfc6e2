/// Quoted-printable transfer encoding (RFC 2045 §6.7) for text bodies.
///
/// Bodies are sent quoted-printable rather than 8bit so the message is pure 7-bit ASCII: it survives any relay,
/// needs no 8BITMIME, keeps lines short, and can never contain our multipart boundaries (which start with "=_",
/// a sequence QP output cannot produce because every literal "=" becomes "=3D").
public enum QuotedPrintable {
    /// Encoded lines may be at most 76 characters, including the "=" of a soft break.
    static let maxLineLength = 76

    /// Encodes the UTF-8 bytes of `text`. Any line end (CRLF, CR or LF) becomes a CRLF hard break.
    ///
    /// Whitespace at the end of a line is encoded because transports may strip it. A "." that would start an
    /// output line is encoded as well: the SMTP layer dot-stuffs anyway, but not every hop does so correctly.
    public static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        encode(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the encoding of `text` to `out`: one pass over the UTF-8 bytes, no allocation per byte or line
    /// (this runs over every body of every message a round sends).
    static func encode(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { encode($0, into: &out) }
    }

    static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // Written into a buffer without a capacity check per byte, then copied once. A byte becomes at most three,
        // and a soft break (three more) comes after at least 73 bytes of output: less than 4 per byte in all.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * bytes.count + 3) { buffer in
            var written = 0
            func put(_ byte: UInt8) {
                buffer[written] = byte
                written += 1
            }
            let count = bytes.count
            var column = 0
            var index = 0
            while index < count {
                let byte = bytes[index]
                // Most bytes are printable, never encoded (not "=") and fit the line whatever comes next: out as they
                // are, without looking at the next byte. A "." starting a line is encoded below.
                if byte >= 33, byte <= 126, byte != UInt8(ascii: "="), column < maxLineLength - 1,
                    column != 0 || byte != UInt8(ascii: ".")
                {
                    put(byte)
                    column += 1
                    index += 1
                    continue
                }
                if byte == 0x0D || byte == 0x0A {
                    // A hard break: CRLF, lone CR and lone LF alike.
                    if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                    put(0x0D)
                    put(0x0A)
                    column = 0
                    index += 1
                    continue
                }
                let next = index + 1
                let isLast = next == count || bytes[next] == 0x0D || bytes[next] == 0x0A
                var encoded = needsEncoding(byte, isLastOnLine: isLast)
                // The last character may use column 76; any other must leave room for a soft-break "=".
                let limit = isLast ? maxLineLength : maxLineLength - 1
                if column + (encoded ? 3 : 1) > limit {
                    put(UInt8(ascii: "="))
                    put(0x0D)
                    put(0x0A)
                    column = 0
                }
                if column == 0 && byte == UInt8(ascii: ".") { encoded = true }
                if encoded {
                    put(UInt8(ascii: "="))
                    put(hexDigit(byte >> 4))
                    put(hexDigit(byte & 0x0F))
                    column += 3
                } else {
                    put(byte)
                    column += 1
                }
                index = next
            }
            out.append(contentsOf: buffer[..<written])
        }
    }

    /// Upper-case, as RFC 2045 requires.
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") - 10 + nibble
    }

    /// Decodes quoted-printable text to raw bytes; hard line breaks come out as CRLF, the canonical MIME form.
    ///
    /// Lenient on purpose, because this also reads inbound mail: trailing whitespace (added by some transports) is
    /// ignored, lowercase hex is accepted, and a malformed "=" sequence is kept literally instead of failing.
    public static func decode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let lines = splitLines(Array(text.utf8))
        for (lineNumber, rawLine) in lines.enumerated() {
            var line = rawLine[...]
            while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
            var softBreak = false
            if line.last == UInt8(ascii: "=") {
                softBreak = true
                line = line.dropLast()
            }
            var index = line.startIndex
            while index < line.endIndex {
                let byte = line[index]
                if byte == UInt8(ascii: "="), let high = hexDigitValue(line, index + 1),
                    let low = hexDigitValue(line, index + 2)
                {
                    out.append(high << 4 | low)
                    index += 3
                } else {
                    out.append(byte)
                    index += 1
                }
            }
            if !softBreak && lineNumber < lines.count - 1 { out += [0x0D, 0x0A] }
        }
        return out
    }

    private static func hexDigitValue(_ line: ArraySlice<UInt8>, _ index: Int) -> UInt8? {
        guard index < line.endIndex else { return nil }
        return HeaderEncoding.hexValue(line[index])
    }

    private static func needsEncoding(_ byte: UInt8, isLastOnLine: Bool) -> Bool {
        switch byte {
        case 0x20, 0x09: return isLastOnLine
        case UInt8(ascii: "="): return true
        case 33...126: return false
        default: return true
        }
    }

    /// Splits on CRLF, lone CR and lone LF alike, so callers may pass text with any line-end convention.
    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                lines.append(bytes[start..<index])
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }
}
