import Foundation

/// Header-field text handling: injection defence, RFC 2047 encoded-words and RFC 5322 folding.
///
/// Everything that ends up in a header passes through `sanitize` first, so no caller-supplied text (subject,
/// display names, extra header values) can ever contain a line break and start a header of its own.
public enum HeaderEncoding {
    /// The longest a header line may get when we have a choice (RFC 5322 §2.1.1 "SHOULD").
    static let preferredLineLength = 78
    /// RFC 2047 §2: a line holding an encoded-word must not exceed 76 characters.
    static let encodedLineLength = 76
    /// RFC 2047 §2: a single encoded-word must not exceed 75 characters.
    static let maxEncodedWordLength = 75
    static let encodedWordPrefix = "=?utf-8?q?"
    static let encodedWordSuffix = "?="

    // MARK: - Injection defence

    /// Replaces every run of line breaks and control characters with a single space.
    ///
    /// Besides CR and LF this covers NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029):
    /// some downstream tools treat those as line ends too, so they are as dangerous as a bare CRLF.
    /// Tabs are flattened as well, which keeps folding decisions simple.
    public static func sanitize(_ value: String) -> String {
        // Printable ASCII holds nothing to replace (the common case: addresses, URLs, Message-IDs).
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return value }
        var result = String.UnicodeScalarView()
        var previousWasReplaced = false
        for scalar in value.unicodeScalars {
            if isForbidden(scalar) {
                if !previousWasReplaced { result.append(" ") }
                previousWasReplaced = true
            } else {
                result.append(scalar)
                previousWasReplaced = false
            }
        }
        return String(result)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// A field name is printable US-ASCII without a colon (RFC 5322 §3.6.8); anything else could end the name
    /// early or smuggle in a value, so such headers are refused rather than repaired.
    public static func isValidHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { (33...126).contains($0) && $0 != UInt8(ascii: ":") }
    }

    // MARK: - RFC 2047 encoding

    /// Sanitizes `text` and returns it plain when it is printable ASCII that cannot be mistaken for an encoded-word,
    /// otherwise as `=?utf-8?q?…?=` encoded-words separated by CRLF + space.
    ///
    /// The result assumes it starts a line of its own; `OutgoingMessage` uses the position-aware variant so the
    /// first word also fits behind the field name.
    public static func encodeWord(_ text: String) -> String {
        let clean = trimmed(sanitize(text))
        var builder = HeaderLineBuilder(start: "")
        if needsEncodedWords(clean, maxAtomLength: preferredLineLength - 1) {
            builder.appendEncodedWords(clean)
        } else {
            builder.appendText(clean)
        }
        return builder.rendered
    }

    /// Printable ASCII stays readable; anything else, a literal "=?" (which a decoder would try to interpret) or a
    /// word too long to fold goes into encoded-words, which can be split anywhere.
    ///
    /// One pass over the bytes: once a byte is outside printable ASCII the answer is yes, so words and "=?" are only
    /// ever looked for in ASCII, where a byte is a character.
    static func needsEncodedWords(_ text: String, maxAtomLength: Int) -> Bool {
        var word = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            guard (32...126).contains(byte) else { return true }
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            word = byte == UInt8(ascii: " ") ? 0 : word + 1
            if word > maxAtomLength { return true }
            previous = byte
        }
        return false
    }

    /// Without leading and trailing whitespace (Unicode Zs and tab). A value that starts and ends with a printable
    /// ASCII character other than space, as nearly all do, is returned without asking Foundation.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, (33...126).contains(first), (33...126).contains(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Q-encodes one character using only the characters RFC 2047 §5(3) allows inside a phrase, so the same words
    /// are safe in a Subject and in a display name.
    static func qEncode(_ text: Substring) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "):
                out.append("_")
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                UInt8(ascii: "-"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out.append("=")
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            }
        }
        return out
    }

    static func hexDigit(_ nibble: UInt8) -> Character {
        Character(Unicode.Scalar(nibble < 10 ? nibble + 48 : nibble + 55))
    }

    // MARK: - Whole fields

    /// An unstructured field such as Subject: plain and folded at spaces when possible, encoded-words otherwise.
    static func textField(name: String, value: String) -> String {
        let clean = trimmed(sanitize(value))
        var builder = HeaderLineBuilder(start: name + ":")
        if needsEncodedWords(clean, maxAtomLength: preferredLineLength - 1) {
            builder.appendEncodedWords(clean)
        } else {
            builder.appendText(clean)
        }
        return builder.rendered
    }

    /// A caller-supplied extra field. Its value may be structured (List-Unsubscribe holds URLs), so ASCII is kept
    /// verbatim and only folded; encoded-words are the fallback for non-ASCII text and for words so long the line
    /// would break the hard 998 limit.
    static func verbatimField(name: String, value: String) -> String {
        let clean = trimmed(sanitize(value))
        var builder = HeaderLineBuilder(start: name + ":")
        let isASCII = clean.utf8.allSatisfy { (32...126).contains($0) }
        if !isASCII || needsLongWordEncoding(clean) {
            builder.appendEncodedWords(clean)
        } else {
            builder.appendText(clean)
        }
        return builder.rendered
    }

    /// Whether ASCII `text` has a word of more than 990 characters.
    private static func needsLongWordEncoding(_ text: String) -> Bool {
        var word = 0
        for byte in text.utf8 {
            word = byte == UInt8(ascii: " ") ? 0 : word + 1
            if word > 990 { return true }
        }
        return false
    }

    /// A field made of atoms we generated ourselves (dates, message ids, MIME parameters); only folding applies.
    static func atomField(name: String, atoms: [String]) -> String {
        var builder = HeaderLineBuilder(start: name + ":")
        for atom in atoms { builder.append(atom) }
        return builder.rendered
    }

    // MARK: - RFC 2047 decoding

    /// Unfolds the value and decodes its encoded-words (Q and B; every charset `Charset` decodes). Whitespace between
    /// adjacent encoded-words is dropped as RFC 2047 §6.2 requires; words in an unknown charset or with broken syntax
    /// are kept literally so nothing is silently lost.
    ///
    /// The result may contain control characters from the sender; sanitize before reusing it in a header.
    public static func decode(_ headerValue: String) -> String {
        let bytes = unfold(Array(headerValue.utf8))
        var output = ""
        var literal: [UInt8] = []
        var pendingWhitespace: [UInt8] = []
        var encoded: (charset: String, bytes: [UInt8])?
        var index = 0

        func flushEncoded() {
            if let pending = encoded {
                output += decodeCharset(pending.bytes, charset: pending.charset) ?? ""
                encoded = nil
            }
        }
        func flushLiteral() {
            output += String(decoding: literal, as: UTF8.self)
            literal.removeAll()
        }

        while index < bytes.count {
            if let word = parseEncodedWord(bytes, at: index) {
                if !literal.isEmpty { flushLiteral() }
                if encoded?.charset == word.charset {
                    // Same charset: join the bytes first, in case a sender split a multi-byte character. Appended in
                    // place: a long run of encoded-words must not be copied once per word.
                    encoded?.bytes += word.bytes
                } else {
                    flushEncoded()
                    encoded = (word.charset, word.bytes)
                }
                pendingWhitespace.removeAll()
                index = word.end
                continue
            }
            // While an encoded run is pending, `literal` is empty; whitespace is held back until we know whether
            // another encoded-word follows (drop it) or plain text does (keep it).
            let byte = bytes[index]
            if encoded != nil && (byte == 0x20 || byte == 0x09) {
                pendingWhitespace.append(byte)
            } else {
                if encoded != nil {
                    flushEncoded()
                    literal.append(contentsOf: pendingWhitespace)
                    pendingWhitespace.removeAll()
                }
                literal.append(byte)
            }
            index += 1
        }
        flushEncoded()
        literal.append(contentsOf: pendingWhitespace)
        flushLiteral()
        return output
    }

    /// RFC 5322 §2.2.3: unfolding removes the CRLF (or a bare LF/CR) that precedes whitespace.
    private static func unfold(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                index += 1
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                continue
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    private struct EncodedWord {
        var charset: String
        var bytes: [UInt8]
        var end: Int
    }

    private static func parseEncodedWord(_ bytes: [UInt8], at start: Int) -> EncodedWord? {
        let question = UInt8(ascii: "?"), equals = UInt8(ascii: "=")
        guard start + 1 < bytes.count, bytes[start] == equals, bytes[start + 1] == question else { return nil }
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != question {
            if bytes[index] <= 0x20 || bytes[index] >= 0x7F { return nil }
            index += 1
        }
        guard index < bytes.count, index > charsetStart, index + 2 < bytes.count, bytes[index + 2] == question
        else { return nil }
        var charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self).lowercased()
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }  // RFC 2231 language
        let encoding = bytes[index + 1] | 0x20
        index += 3
        let textStart = index
        while index < bytes.count, bytes[index] != question {
            if bytes[index] <= 0x20 || bytes[index] >= 0x7F { return nil }
            index += 1
        }
        guard index + 1 < bytes.count, bytes[index + 1] == equals else { return nil }
        let text = Array(bytes[textStart..<index])
        let decoded: [UInt8]?
        switch encoding {
        case UInt8(ascii: "q"): decoded = decodeQ(text)
        case UInt8(ascii: "b"): decoded = decodeB(text)
        default: decoded = nil
        }
        guard let decoded, decodeCharset([], charset: charset) != nil else { return nil }
        return EncodedWord(charset: charset, bytes: decoded, end: index + 2)
    }

    private static func decodeQ(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "="), index + 2 < text.count,
                let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2])
            {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    private static func decodeB(_ text: [UInt8]) -> [UInt8]? {
        var base64 = String(decoding: text, as: UTF8.self)
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map { [UInt8]($0) }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - 48
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - 55
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - 87
        default: return nil
        }
    }

    /// Returns nil for charsets we do not know, which keeps such words literal. UTF-8, ASCII and the Latin-1 family are
    /// decoded here; every other charset by `Charset.decodeLegacy` (iconv).
    ///
    /// ISO-8859-1 is decoded as windows-1252, as the WHATWG Encoding Standard does: mail labelled Latin-1 very often
    /// contains cp1252 quotes and euro signs, and the C1 controls Latin-1 would give instead are never intended.
    static func decodeCharset(_ bytes: [UInt8], charset: String) -> String? {
        switch charset {
        case "utf-8", "utf8", "us-ascii", "ascii":
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "windows-1252", "cp1252":
            return String(String.UnicodeScalarView(bytes.map(windows1252Scalar)))
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9":
            return String(String.UnicodeScalarView(bytes.map(latin9Scalar)))
        default:
            // Big5, GBK, Shift_JIS, ISO-2022-JP, EUC-KR, KOI8-R, the other Windows code pages and ISO-8859 parts.
            return Charset.decodeLegacy(bytes, label: charset)
        }
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(windows1252High[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }

    private static func latin9Scalar(_ byte: UInt8) -> Unicode.Scalar {
        switch byte {
        case 0xA4: return "\u{20AC}"
        case 0xA6: return "\u{0160}"
        case 0xA8: return "\u{0161}"
        case 0xB4: return "\u{017D}"
        case 0xB8: return "\u{017E}"
        case 0xBC: return "\u{0152}"
        case 0xBD: return "\u{0153}"
        case 0xBE: return "\u{0178}"
        default: return Unicode.Scalar(byte)
        }
    }
}

/// Accumulates one header field, folding before an atom whenever the line would otherwise grow too long.
///
/// Folding only ever happens at a space we insert between atoms, so unfolding restores exactly the text we meant.
/// Line lengths are in characters, counted as bytes when the line is ASCII, as everything we append is (plain text
/// only when it is printable ASCII, encoded-words otherwise).
struct HeaderLineBuilder {
    private var lines: [String] = []
    private var current: String
    /// False for a standalone value (no field name), where the first atom needs no separating space.
    private var isContinuation = false
    private let foldLimit: Int
    private let encodedLimit: Int

    /// `unbounded` produces one long line, for values shown outside a header (e.g. `MailAddress.headerValue`).
    init(start: String, unbounded: Bool = false) {
        current = start
        foldLimit = unbounded ? Int.max : HeaderEncoding.preferredLineLength
        encodedLimit = unbounded ? Int.max : HeaderEncoding.encodedLineLength
    }

    var rendered: String { (lines + [current]).joined(separator: "\r\n") }

    private var separator: String { current.isEmpty && !isContinuation ? "" : " " }

    private mutating func fold() {
        lines.append(current)
        current = ""
        isContinuation = true
    }

    /// `text.count`, from the byte count where each byte is a character: ASCII without CR (CR LF is one).
    static func length(_ text: String) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? text.utf8.count : text.count
    }

    /// Appends an unbreakable atom, folding first if it would not fit; an atom longer than a line stays whole.
    mutating func append(_ atom: String) {
        let hasContent = !current.isEmpty
        if hasContent && Self.length(current) + 1 + Self.length(atom) > foldLimit { fold() }
        current += separator + atom
    }

    /// Appends printable ASCII text, allowing folds at its spaces. Runs of spaces are kept so unfolding is lossless.
    mutating func appendText(_ text: String) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var spaces = 0
        var isFirst = true
        // Split at the bytes (in ASCII each is a character). Each word carries the spaces before it, but for the one
        // between two words that `append` puts back.
        while start < utf8.endIndex {
            guard utf8[start] != UInt8(ascii: " ") else {
                spaces += 1
                start = utf8.index(after: start)
                continue
            }
            let end = utf8[start...].firstIndex(of: UInt8(ascii: " ")) ?? utf8.endIndex
            append(String(repeating: " ", count: isFirst ? spaces : spaces - 1) + text[start..<end])
            isFirst = false
            spaces = 0
            start = end
        }
    }

    /// Appends `text` as Q encoded-words, each filling the room left on its line.
    ///
    /// Words are cut between characters (grapheme clusters), never inside a UTF-8 sequence, so each word decodes
    /// on its own as RFC 2047 §5 demands. Only a cluster too long for any word is split, between its scalars.
    ///
    /// With `preferSingleWord`, text that fits one encoded-word is kept whole, folding first if needed: some
    /// parsers (Python's `email` up to at least 3.11) wrongly keep the space between adjacent encoded-words inside
    /// a display name, so a short name is safest as a single word.
    mutating func appendEncodedWords(_ text: String, preferSingleWord: Bool = false) {
        let overhead = HeaderEncoding.encodedWordPrefix.count + HeaderEncoding.encodedWordSuffix.count
        var units: [String] = []
        for character in text {
            let single = String(character)
            let encoded = HeaderEncoding.qEncode(Substring(single))
            // Encoded-words are ASCII: their byte counts are their lengths.
            if encoded.utf8.count <= 36 {
                units.append(encoded)
            } else {
                units += single.unicodeScalars.map { HeaderEncoding.qEncode(Substring(String($0))) }
            }
        }
        let total = overhead + units.reduce(0) { $0 + $1.utf8.count }
        if preferSingleWord, total <= HeaderEncoding.maxEncodedWordLength, !current.isEmpty, roomOnLine() < total {
            fold()
        }
        var index = 0
        while index < units.count {
            var room = min(HeaderEncoding.maxEncodedWordLength, roomOnLine())
            if room < overhead + units[index].utf8.count {
                fold()
                room = min(HeaderEncoding.maxEncodedWordLength, roomOnLine())
            }
            var payload = ""
            while index < units.count, overhead + payload.utf8.count + units[index].utf8.count <= room {
                payload += units[index]
                index += 1
            }
            current += separator + HeaderEncoding.encodedWordPrefix + payload + HeaderEncoding.encodedWordSuffix
        }
    }

    private func roomOnLine() -> Int {
        encodedLimit == Int.max ? Int.max : encodedLimit - Self.length(current) - separator.utf8.count
    }
}
