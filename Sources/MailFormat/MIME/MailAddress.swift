import Foundation

/// A mailbox: an optional display name and an ASCII addr-spec.
public struct MailAddress: Sendable, Equatable, Hashable {
    /// Free text; may hold accents, quotes or commas. Encoding happens when the address is rendered.
    public var name: String?
    /// The addr-spec (`local@domain`), ASCII only.
    public var address: String

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// The part after the `@`, lowercased: the one derivation of our mail domain (Message-IDs, the reply domain's
    /// default, DKIM's d=). An address without one gives `tweedemening.invalid` (RFC 2606), never a real domain.
    public var domain: String {
        guard let at = address.lastIndex(of: "@"), address.index(after: at) < address.endIndex else {
            return "tweedemening.invalid"
        }
        return address[address.index(after: at)...].lowercased()
    }

    /// Parses `Name <addr>`, `"Quoted, Name" <addr>` or a bare `addr`; encoded-words in the name are decoded.
    ///
    /// Returns nil unless the address passes `isValidAddress`, so anything accepted here can be mailed and
    /// rendered without quoting.
    public init?(parsing text: String) {
        let input = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let open = input.lastIndex(of: "<") else {
            guard Self.isValidAddress(input) else { return nil }
            self.init(input)
            return
        }
        guard input.hasSuffix(">") else { return nil }
        let address = String(input[input.index(after: open)..<input.index(before: input.endIndex)])
            .trimmingCharacters(in: .whitespaces)
        guard Self.isValidAddress(address) else { return nil }
        let rawName = Self.unquote(String(input[..<open]).trimmingCharacters(in: .whitespaces))
        let name = rawName.contains("=?") ? HeaderEncoding.decode(rawName) : rawName
        self.init(address, name: name.isEmpty ? nil : name)
    }

    /// Removes surrounding double quotes and resolves backslash escapes inside them.
    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The address as it appears in a header, on one line: `=?utf-8?q?…?= <a@b>` for non-ASCII names,
    /// `"Doe, J." <a@b>` when the name holds specials, `Name <a@b>` otherwise and `a@b` without a name.
    public var headerValue: String {
        var builder = HeaderLineBuilder(start: "", unbounded: true)
        append(to: &builder)
        return builder.rendered
    }

    /// Adds this mailbox to a header under construction, letting long encoded names fold.
    func append(to builder: inout HeaderLineBuilder) {
        let addrSpec = Self.headerSafe(address)
        let displayName = HeaderEncoding.trimmed(HeaderEncoding.sanitize(name ?? ""))
        guard !displayName.isEmpty else {
            builder.append(addrSpec)
            return
        }
        if HeaderEncoding.needsEncodedWords(displayName, maxAtomLength: 60) {
            builder.appendEncodedWords(displayName, preferSingleWord: true)
        } else if displayName.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || Self.isAtext($0) }) {
            // Printable ASCII from here on: each byte is a character.
            builder.appendText(displayName)
        } else {
            var quoted: [UInt8] = [UInt8(ascii: "\"")]
            for byte in displayName.utf8 {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { quoted.append(UInt8(ascii: "\\")) }
                quoted.append(byte)
            }
            quoted.append(UInt8(ascii: "\""))
            builder.append(String(decoding: quoted, as: UTF8.self))
        }
        builder.append("<" + addrSpec + ">")
    }

    /// The address is meant to be validated already; this only guarantees it cannot break the header structure
    /// if an unvalidated one slips through.
    private static func headerSafe(_ address: String) -> String {
        func isSafe(_ byte: UInt8) -> Bool {
            byte > 32 && byte < 127 && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: ",")
        }
        if address.utf8.allSatisfy(isSafe) { return address }
        return String(decoding: address.utf8.filter(isSafe), as: UTF8.self)
    }

    /// RFC 5322 atext: characters a display name may use without quoting.
    private static func isAtext(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return character.isLetter || character.isNumber || "!#$%&'*+-/=?^_`{|}~".utf8.contains(ascii)
    }

    /// The same for one byte of ASCII text.
    private static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    /// A deliberately pragmatic check, also used for CSV import: a dot-atom local part (≤ 64) and a domain of at
    /// least two LDH labels. Quoted local parts and address literals are valid RFC 5321 but never seen in a panel,
    /// and rejecting them means an accepted address never needs quoting in a header or an SMTP command.
    public static func isValidAddress(_ text: String) -> Bool {
        guard text.utf8.count <= 254, text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 })
        else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."),
            !local.contains(".."), local.allSatisfy({ $0 == "." || isAtext($0) })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        }
    }
}
