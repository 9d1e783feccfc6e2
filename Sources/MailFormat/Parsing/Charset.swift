import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the bytes of a text body, an RFC 2047 word or an RFC 2231 parameter into a String, whatever charset the
/// sender's mailer labelled them with.
///
/// The order, for a label:
/// 1. UTF-8 and US-ASCII (and no label): strict UTF-8, else windows-1252.
/// 2. ISO-8859-1, windows-1252 and ISO-8859-15: the tables in `HeaderEncoding` (ISO-8859-1 read as windows-1252).
/// 3. Everything else through iconv: first the name senders mean by that label (`aliases`: names iconv does not
///    know, like x-gbk, and legacy labels mailers use for a superset, like gb2312 for GBK), else the label itself.
///    Bytes the charset cannot decode become U+FFFD, unless the whole text is valid UTF-8: then it was mislabelled
///    and is read as UTF-8.
/// 4. A label iconv does not know either: UTF-8 when valid, else windows-1252, which decodes any byte sequence.
enum Charset {
    /// Decodes `bytes` labelled with `label` (a MIME charset parameter, any case; nil when absent).
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, label: String?) -> String {
        let name = normalizedLabel(label)
        switch name {
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252",
            "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9":
            return HeaderEncoding.decodeCharset(Array(bytes), charset: name) ?? windows1252(Array(bytes))
        case "", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "unicode-1-1-utf-8":
            return utf8OrWindows1252(bytes)
        default:
            return decodeLegacy(bytes, label: name) ?? utf8OrWindows1252(bytes)
        }
    }

    /// Decodes with iconv (steps 3 and 4 above); nil when neither the alias nor the label is a charset iconv knows.
    static func decodeLegacy<Bytes: Collection<UInt8>>(_ bytes: Bytes, label: String) -> String? {
        let label = label.lowercased()
        // Only plain charset names reach iconv: glibc reads "//" suffixes and other syntax in the name.
        guard label.utf8.count <= 40, !label.isEmpty,
            label.utf8.allSatisfy({ isLabelByte($0) })
        else { return nil }
        guard let (text, replaced) = iconvDecode(Array(bytes), from: aliases[label] ?? label) else { return nil }
        if replaced, isValidUTF8(bytes) { return utf8OrWindows1252(bytes) }
        return text
    }

    /// Labels iconv does not know, and legacy labels that mailers use for a superset of the named charset (the
    /// WHATWG Encoding Standard makes the same choices): decoding with the superset reads everything the narrow
    /// charset would, plus the characters Windows and Chinese mailers actually send under that label.
    static let aliases: [String: String] = {
        var table: [String: String] = [:]
        func map(_ labels: [String], to name: String) { for label in labels { table[label] = name } }
        map(
            [
                "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "csgb2312", "chinese",
                "gb_2312", "gb_2312-80", "iso-ir-58", "csiso58gb231280",
            ], to: "GB18030")
        map(["big5", "x-big5", "cn-big5", "csbig5", "x-x-big5", "big-5"], to: "BIG5")
        map(
            [
                "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932", "ms932",
                "x-ms-cp932",
            ], to: "CP932")
        map(["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"], to: "EUC-JP")
        map(
            [
                "euc-kr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989", "ks_c_5601", "ksc5601", "ksc_5601", "korean",
                "csksc56011987", "iso-ir-149", "windows-949", "cp949", "x-windows-949", "uhc",
            ], to: "CP949")
        map(["windows-874", "x-windows-874", "cp874", "dos-874", "tis-620", "iso-8859-11", "iso8859-11"], to: "CP874")
        // ISO-8859-9 as windows-1254, for the same reason ISO-8859-1 is read as windows-1252.
        map(["iso-8859-9", "iso8859-9", "iso_8859-9", "latin5", "l5"], to: "WINDOWS-1254")
        map(["iso-8859-8-i", "iso-8859-8-e", "visual", "logical"], to: "ISO-8859-8")
        map(["iso-8859-6-i", "iso-8859-6-e"], to: "ISO-8859-6")
        map(["utf-7", "x-utf-7", "unicode-1-1-utf-7", "csunicode11utf7"], to: "UTF-7")
        map(["macintosh", "mac", "x-mac-roman", "csmacintosh"], to: "MACINTOSH")
        map(["x-mac-cyrillic", "x-mac-ukrainian"], to: "MAC-CYRILLIC")
        map(["koi8"], to: "KOI8-R")
        map(["koi8-ru"], to: "KOI8-U")
        for page in 1250...1258 { map(["windows-\(page)", "x-cp\(page)", "cp\(page)"], to: "WINDOWS-\(page)") }
        return table
    }()

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"): return true
        default: return false
        }
    }

    /// Converts `bytes` from `charset` to UTF-8 with iconv. Each byte that does not decode (and an incomplete
    /// sequence at the end) becomes U+FFFD, and `replaced` says whether that happened. Nil when iconv does not know
    /// `charset`.
    private static func iconvDecode(_ bytes: [UInt8], from charset: String) -> (text: String, replaced: Bool)? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }

        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var replaced = false
        var input = bytes
        var buffer = [UInt8](repeating: 0, count: 4096)
        input.withUnsafeMutableBufferPointer { inputBuffer in
            buffer.withUnsafeMutableBufferPointer { outputBuffer in
                let outputStart = UnsafeMutableRawPointer(outputBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inPointer = inputBuffer.baseAddress.map {
                    UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                }
                var inLeft = inputBuffer.count
                // With no input left, one more call returns a stateful decoder to its initial state.
                var flushed = false
                while !flushed {
                    var outPointer: UnsafeMutablePointer<CChar>? = outputStart
                    var outLeft = outputBuffer.count
                    let result: Int
                    if inLeft > 0 {
                        result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    } else {
                        result = iconv(converter, nil, nil, &outPointer, &outLeft)
                        flushed = true
                    }
                    output += outputBuffer.prefix(outputBuffer.count - outLeft)
                    guard result == -1 else { continue }
                    switch errno {
                    case E2BIG:
                        continue  // the buffer is full: emptied above, go on
                    case EILSEQ:
                        // Skip one byte and carry on, as Python's errors="replace" does.
                        output += replacement
                        replaced = true
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    default:
                        // EINVAL: an incomplete sequence at the end of the input.
                        output += replacement
                        replaced = true
                        inLeft = 0
                    }
                }
            }
        }
        var text = String(decoding: output, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return (text, replaced)
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
