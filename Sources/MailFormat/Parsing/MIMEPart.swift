import Foundation

/// One MIME entity of an inbound message: its header fields, its undecoded body and, for a multipart, its children.
///
/// Built by `MIMEParser`; everything here is derived from untrusted bytes, so every step is bounded and lenient.
struct MIMEPart: Sendable {
    /// Unfolded, trimmed, not RFC 2047-decoded.
    var headers: [(name: String, value: String)]
    var contentType: ContentType
    /// "attachment", "inline" or nil, lowercased.
    var disposition: String?
    /// From Content-Disposition `filename` or Content-Type `name` (RFC 2231 and RFC 2047 decoded), without a path.
    var filename: String?
    /// Lowercased Content-Transfer-Encoding, "7bit" when absent.
    var transferEncoding: String
    /// The body exactly as it appears in the message, before transfer decoding.
    var body: ArraySlice<UInt8>
    var children: [MIMEPart]
    /// Position in document order, to tell parts apart.
    var id: Int

    func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    var isMultipart: Bool { contentType.type == "multipart" && !children.isEmpty }

    /// The body with its transfer encoding undone; unknown encodings are passed through.
    var decodedBody: [UInt8] {
        switch transferEncoding {
        case "base64": return Base64.decode(body)
        case "quoted-printable": return Self.decodeQuotedPrintable(body)
        default: return Array(body)
        }
    }

    /// `QuotedPrintable.decode` reads text; raw 8-bit bytes (not allowed, but common) are escaped first so they
    /// survive unchanged instead of being reinterpreted as UTF-8.
    static func decodeQuotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var ascii: [UInt8] = []
        ascii.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                ascii.append(byte)
            } else {
                ascii += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return QuotedPrintable.decode(String(decoding: ascii, as: UTF8.self))
    }
}

/// A parsed Content-Type (or Content-Disposition, with `type` holding the disposition and `subtype` empty).
struct ContentType: Sendable, Equatable {
    var type: String
    var subtype: String
    /// Lowercased names; RFC 2231 continuations and charsets resolved.
    var parameters: [String: String]

    var mimeType: String { subtype.isEmpty ? type : type + "/" + subtype }

    static let textPlain = ContentType(type: "text", subtype: "plain", parameters: [:])

    /// RFC 2045 §5.2: a missing or unreadable Content-Type means text/plain (message/rfc822 inside a digest).
    init(parsing value: String?, default fallback: ContentType = .textPlain) {
        guard let value else {
            self = fallback
            return
        }
        let (head, parameters) = HeaderParameters.split(value)
        let pieces = head.lowercased().split(separator: "/", maxSplits: 1).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let isToken: (String) -> Bool = { piece in
            !piece.isEmpty && piece.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0.value < 127 }
        }
        if pieces.count == 2, isToken(pieces[0]), isToken(pieces[1]) {
            self.init(type: pieces[0], subtype: pieces[1], parameters: parameters)
        } else if pieces.count == 1, pieces[0] == "text" {
            self.init(type: "text", subtype: "plain", parameters: parameters)
        } else {
            self.init(type: fallback.type, subtype: fallback.subtype, parameters: parameters)
        }
    }

    init(type: String, subtype: String, parameters: [String: String]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }
}

/// `value; name=token; name="quoted"; name*=utf-8''%C3%A9; name*0=...; name*1*=...` (RFC 2045, RFC 2231).
enum HeaderParameters {
    /// The part before the first `;`, and the parameters after it.
    static func split(_ value: String) -> (head: String, parameters: [String: String]) {
        let scalars = Array(value.unicodeScalars)
        var index = 0
        var head = String.UnicodeScalarView()
        var inQuotes = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" { inQuotes.toggle() }
            if scalar == ";" && !inQuotes { break }
            head.append(scalar)
            index += 1
        }
        var raw: [(name: String, value: String)] = []
        while index < scalars.count, raw.count < 100 {
            // Skip separators and whitespace.
            while index < scalars.count, scalars[index] == ";" || isSpace(scalars[index]) { index += 1 }
            var name = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";" {
                if !isSpace(scalars[index]) { name.append(scalars[index]) }
                index += 1
            }
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            var parameterValue = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    parameterValue.append(scalars[index])
                    index += 1
                }
                index += 1  // the closing quote
                // Anything between the closing quote and the next ';' is junk.
                while index < scalars.count, scalars[index] != ";" { index += 1 }
            } else {
                while index < scalars.count, scalars[index] != ";" {
                    parameterValue.append(scalars[index])
                    index += 1
                }
            }
            let key = String(name).lowercased()
            if !key.isEmpty {
                raw.append((key, String(parameterValue).trimmingCharacters(in: .whitespaces)))
            }
        }
        return (String(head).trimmingCharacters(in: .whitespacesAndNewlines), resolve(raw))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }

    /// Joins RFC 2231 continuations and decodes extended values; a plain parameter keeps the first value seen.
    private static func resolve(_ raw: [(name: String, value: String)]) -> [String: String] {
        var plain: [String: String] = [:]
        var sections: [String: [Int: (value: String, extended: Bool)]] = [:]
        var extended: [String: String] = [:]
        for (name, value) in raw {
            guard let star = name.firstIndex(of: "*") else {
                if plain[name] == nil { plain[name] = value }
                continue
            }
            let base = String(name[..<star])
            let rest = name[name.index(after: star)...]
            if rest.isEmpty {
                if extended[base] == nil { extended[base] = decodeExtended(value) }
                continue
            }
            let isExtended = rest.hasSuffix("*")
            let digits = isExtended ? rest.dropLast() : rest
            guard digits.count <= 3, let number = Int(digits), number >= 0 else { continue }
            if sections[base, default: [:]][number] == nil {
                sections[base, default: [:]][number] = (value, isExtended)
            }
        }
        for (base, parts) in sections where extended[base] == nil {
            var bytes: [UInt8] = []
            var charset: String?
            var number = 0
            while let part = parts[number] {
                if part.extended {
                    var value = part.value
                    if number == 0 {
                        let fields = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if fields.count == 3 {
                            charset = String(fields[0])
                            value = String(fields[2])
                        }
                    }
                    bytes += percentDecode(value)
                } else {
                    bytes += Array(part.value.utf8)
                }
                number += 1
            }
            if number > 0 { extended[base] = Charset.decode(bytes, label: charset) }
        }
        return plain.merging(extended) { _, rfc2231 in rfc2231 }
    }

    /// `charset'language'percent-encoded`.
    private static func decodeExtended(_ value: String) -> String {
        let fields = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { return Charset.decode(percentDecode(value), label: nil) }
        return Charset.decode(percentDecode(String(fields[2])), label: String(fields[0]))
    }

    private static func percentDecode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = HeaderEncoding.hexValue(bytes[index + 1]), let low = HeaderEncoding.hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}

/// A lenient base64 decoder: whitespace and other non-alphabet bytes are skipped, missing padding is tolerated, and
/// `=` ends a group so concatenated encodings still decode.
enum Base64 {
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        table[Int(UInt8(ascii: "-"))] = 62  // base64url, seen in the wild
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var count = 0
        func flush() {
            // 2 symbols carry one byte, 3 carry two; a single leftover symbol carries nothing.
            if count == 2 {
                out.append(UInt8(truncatingIfNeeded: accumulator >> 4))
            } else if count == 3 {
                out.append(UInt8(truncatingIfNeeded: accumulator >> 10))
                out.append(UInt8(truncatingIfNeeded: accumulator >> 2))
            }
            accumulator = 0
            count = 0
        }
        for byte in bytes {
            let value = table[Int(byte)]
            if value == 0xFF {
                if byte == UInt8(ascii: "=") { flush() }
                continue
            }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                out.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                count = 0
            }
        }
        flush()
        return out
    }
}
