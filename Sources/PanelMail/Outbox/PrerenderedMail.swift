import MailFormat
import PanelCore

/// The per-recipient template values of one message (`MessageComposer.addRecipientValues`), split into their shape
/// and their strings.
///
/// The shape is everything that can change which parts of a template show: each boolean, which strings are empty
/// and how many items each list holds. Two recipients of one kind, round and sequence with the same shape get the
/// same mail but for the non-empty strings, which Mustache only copies into the output (escaped or not).
struct RecipientValues {
    let shape: String
    /// The non-empty strings, in the order `replacingStrings` visits them.
    let strings: [String]
    private let values: [String: Any]

    /// Markers are numbered with one private-use character each (`PrerenderedMail.marker`).
    static let maxStrings = 256

    /// Nil when a value is of a type this does not know how to split, or there are more strings than markers.
    init?(_ values: [String: Any]) {
        var shape = ""
        var strings: [String] = []
        guard Self.walk(values, shape: &shape, strings: &strings, replacement: nil) != nil,
            strings.count <= Self.maxStrings
        else { return nil }
        self.shape = shape
        self.strings = strings
        self.values = values
    }

    /// The same values with the n-th non-empty string replaced by `replacement(n)`.
    func replacingStrings(_ replacement: @escaping (Int) -> String) -> [String: Any] {
        var shape = ""
        var strings: [String] = []
        return Self.walk(values, shape: &shape, strings: &strings, replacement: replacement) as! [String: Any]
    }

    /// Visits `value` depth first, dictionary keys in sorted order, appending its shape and its non-empty strings.
    /// Returns the value, rebuilt with `replacement(n)` in place of the n-th string when there is a replacement;
    /// nil for a type not handled here.
    private static func walk(
        _ value: Any, shape: inout String, strings: inout [String], replacement: ((Int) -> String)?
    ) -> Any? {
        switch value {
        case let text as String:
            if text.isEmpty {
                shape += "e"
                return text
            }
            shape += "s"
            strings.append(text)
            return replacement.map { $0(strings.count - 1) } ?? text
        case let flag as Bool:
            shape += flag ? "t" : "f"
            return flag
        case let list as [Any]:
            shape += "["
            var items: [Any] = []
            for item in list {
                guard let item = walk(item, shape: &shape, strings: &strings, replacement: replacement) else {
                    return nil
                }
                if replacement != nil { items.append(item) }
            }
            shape += "]"
            return replacement == nil ? list : items
        case let dictionary as [String: Any]:
            shape += "{"
            var items: [String: Any] = [:]
            for key in dictionary.keys.sorted() {
                shape += key + ":"
                guard let item = walk(dictionary[key]!, shape: &shape, strings: &strings, replacement: replacement)
                else { return nil }
                if replacement != nil { items[key] = item }
                shape += ","
            }
            shape += "}"
            return replacement == nil ? dictionary : items
        default:
            return nil
        }
    }
}

/// The subject, text and HTML of one kind of mail for the recipients of one shape, rendered by Mustache once and
/// kept as literal text with holes for the per-recipient strings: per recipient, filling the holes costs a few
/// appends instead of a template render.
///
/// It is made by rendering with each per-recipient string replaced by a marker of private-use characters and
/// splitting the output at the markers. A marker holds an "&", so the output shows whether Mustache escaped the
/// value in that place (`{{x}}` in HTML) or copied it (`{{{x}}}`, text templates). Before it is used it is filled
/// with stand-in strings and compared with what Mustache renders from those: a template that transforms a value
/// (`{{uppercased(x)}}`), or a shared value that looks like a marker, makes that comparison fail, and those
/// recipients are rendered by Mustache one by one.
struct PrerenderedMail {
    enum Piece: Equatable {
        case text(String)
        /// The recipient's n-th string (`RecipientValues.strings`), HTML-escaped or as it is.
        case string(Int, escaped: Bool)
    }

    private let subject: String
    private let text: [Piece]
    private let html: [Piece]

    /// Nil when the output cannot be split with certainty; throws what `MessageComposer.render` throws.
    init?(kind: MailKind, shared: [String: Any], recipient: RecipientValues, composer: MessageComposer) throws {
        func values(_ replacement: @escaping (Int) -> String) -> [String: Any] {
            shared.merging(recipient.replacingStrings(replacement)) { $1 }
        }
        let marked = try composer.render(kind, values(Self.marker))
        // The subject is trimmed, and HTML-escaped again as a whole inside the layout: a string in it could be cut
        // at its edges or escaped differently where it meets the text around it. No subject template has one.
        let count = recipient.strings.count
        guard let subject = Self.pieces(marked.subject, strings: count),
            subject.allSatisfy({ if case .text = $0 { true } else { false } }),
            let text = Self.pieces(marked.text, strings: count), let html = Self.pieces(marked.html, strings: count)
        else { return nil }
        self.subject = marked.subject
        self.text = text
        self.html = html
        let expected = try composer.render(kind, values(Self.standIn))
        guard let filled = render((0..<count).map(Self.standIn)), filled == expected else { return nil }
    }

    /// The parts for one recipient with this shape, or nil when one of their strings holds a character the split
    /// cannot vouch for (`isPlain`).
    func render(_ strings: [String]) -> (subject: String, text: String, html: String)? {
        guard strings.allSatisfy(Self.isPlain) else { return nil }
        var escaped: [String?] = Array(repeating: nil, count: strings.count)
        func fill(_ pieces: [Piece]) -> String {
            var output = ""
            for piece in pieces {
                switch piece {
                case .text(let text):
                    output += text
                case .string(let index, escaped: false):
                    output += strings[index]
                case .string(let index, escaped: true):
                    if let known = escaped[index] {
                        output += known
                    } else {
                        let value = HTMLEscape.escape(strings[index])
                        escaped[index] = value
                        output += value
                    }
                }
            }
            return output
        }
        return (subject, fill(text), fill(html))
    }

    // MARK: - Markers

    /// U+E000, the number as U+E100 + n, "&", U+E001: characters no template or value of ours holds.
    static func marker(_ number: Int) -> String {
        "\u{E000}" + String(Unicode.Scalar(0xE100 + UInt32(number))!) + "&\u{E001}"
    }

    /// Different per string, with every character Mustache escapes and letters of both cases.
    static func standIn(_ number: Int) -> String {
        "xX\(number)&<>\"'"
    }

    /// The output split at the markers; nil when a character of the private-use range U+E000–U+E1FF appears other
    /// than in a whole marker of one of the `strings`.
    static func pieces(_ output: String, strings: Int) -> [Piece]? {
        let bytes = Array(output.utf8)
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        // In valid UTF-8, 0xEE only ever leads a character; 0xEE 0x80…0x87 is U+E000–U+E1FF.
        func isOurs(_ at: Int) -> Bool {
            at + 2 < bytes.count && bytes[at] == 0xEE && (0x80...0x87).contains(bytes[at + 1])
        }
        while index < bytes.count {
            guard isOurs(index) else {
                index += 1
                continue
            }
            guard bytes[index + 1] == 0x80, bytes[index + 2] == 0x80, isOurs(index + 3), bytes[index + 4] >= 0x84
            else { return nil }
            let number = (Int(bytes[index + 4]) - 0x84) << 6 | (Int(bytes[index + 5]) - 0x80)
            guard number < strings else { return nil }
            var end = index + 6
            let escaped: Bool
            if bytes[end...].starts(with: Self.escapedAmpersand) {
                escaped = true
                end += Self.escapedAmpersand.count
            } else if bytes[end...].starts(with: Self.ampersand) {
                escaped = false
                end += Self.ampersand.count
            } else {
                return nil
            }
            guard bytes[end...].starts(with: Self.close) else { return nil }
            if textStart < index { pieces.append(.text(String(decoding: bytes[textStart..<index], as: UTF8.self))) }
            pieces.append(.string(number, escaped: escaped))
            index = end + Self.close.count
            textStart = index
        }
        if textStart < bytes.count { pieces.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
        return pieces
    }

    private static let ampersand: [UInt8] = Array("&".utf8)
    private static let escapedAmpersand: [UInt8] = Array("&amp;".utf8)
    private static let close: [UInt8] = Array("\u{E001}".utf8)

    // MARK: - Strings

    /// A string Mustache copies into the output unchanged whatever surrounds it, and that cannot be mistaken for
    /// a marker. Line breaks are not: Mustache indents a partial at tokens that follow one, and the text part drops
    /// leading ones; nor are other control characters, line and paragraph separators and our private-use range.
    static func isPlain(_ string: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in string.utf8 {
            switch byte {
            case 0x00..<0x20, 0x7F: return false
            // C1 controls (U+0080–U+009F): 0xC2 0x80…0x9F.
            case 0x80...0x9F where previous == 0xC2: return false
            // U+2028, U+2029: 0xE2 0x80 0xA8/0xA9.
            case 0xA8...0xA9 where previous == 0x80 && beforePrevious == 0xE2: return false
            // U+E000–U+E1FF: 0xEE 0x80…0x87.
            case 0x80...0x87 where previous == 0xEE: return false
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return true
    }
}
