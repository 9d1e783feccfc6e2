import Foundation

/// Turns the bytes of a text body or an unencoded header into a String, for the charsets Dutch mail actually uses.
///
/// The single-byte tables live in `HeaderEncoding` (RFC 2047 needs the same ones); this adds the body rules: UTF-8 is
/// validated and falls back to windows-1252, and an unknown label is treated as "UTF-8, else windows-1252".
enum Charset {
    /// Decodes `bytes` labelled with `label` (a MIME charset parameter, any case; nil when absent).
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, label: String?) -> String {
        let name = normalizedLabel(label)
        switch name {
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252",
            "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9":
            return HeaderEncoding.decodeCharset(Array(bytes), charset: name) ?? windows1252(Array(bytes))
        default:
            // utf-8, us-ascii, a missing label and every charset we do not know.
            return utf8OrWindows1252(bytes)
        }
    }

    /// Strict UTF-8 (a leading byte-order mark dropped), else windows-1252, which can decode any byte sequence.
    static func utf8OrWindows1252<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        guard isValidUTF8(bytes) else { return windows1252(Array(bytes)) }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// Strict validation (`String(validating:as:)` needs macOS 15; the package supports 14).
    static func isValidUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func windows1252(_ bytes: [UInt8]) -> String {
        HeaderEncoding.decodeCharset(bytes, charset: "windows-1252") ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func normalizedLabel(_ label: String?) -> String {
        guard let label else { return "" }
        return label.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .lowercased()
    }
}
