/// Writing RFC 3676 `format=flowed` text: long lines wrap at spaces with soft breaks, so a narrow screen reflows
/// them and a wide one shows them as written.
extension FormatFlowed {
    /// The width a flowed line aims at (RFC 3676 §4.5 recommends 72 characters, with 78 as the limit).
    static let lineWidth = 72

    /// Every line of `text` (any line-end convention) becomes one paragraph: a hard line break stays a hard break,
    /// a line longer than `width` is cut after a space, and the space stays at the end of the line (a soft break,
    /// DelSp=no). A word longer than `width` (a URL, a long address) is never cut: it gets a line of its own.
    /// Trailing spaces of the input are dropped (they would read as soft breaks), except in the signature
    /// separator "-- ". Lines beginning with a space, ">" or "From " are space-stuffed.
    static func flow(_ text: String, width: Int = lineWidth) -> String {
        // "\r\n" is one Character in Swift. Split in Swift, not by NSString replacement: that was a fifth of the
        // time of a 10,000-recipient send (scripts/bench/send.sh).
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        var output: [String] = []
        output.reserveCapacity(lines.count)
        for rawLine in lines {
            if rawLine == "-- " {
                output.append("-- ")
                continue
            }
            var line = rawLine
            while line.last == " " { line = line.dropLast() }
            for piece in wrap(line, width: width) { output.append(stuffed(piece)) }
        }
        return output.joined(separator: "\n")
    }

    /// The pieces of one paragraph; every piece but the last ends with the space it was cut after.
    private static func wrap(_ line: Substring, width: Int) -> [Substring] {
        // Most lines fit: no more bytes than `width` means no more characters.
        if line.utf8.count <= width { return [line] }
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return wrapASCII(line, width: width) }
        var pieces: [Substring] = []
        var rest = line
        // `count` walks the whole line; an offset walks at most `width` characters.
        while let limit = rest.index(rest.startIndex, offsetBy: width, limitedBy: rest.endIndex), limit < rest.endIndex {
            let window = rest[..<limit]
            let cut: Substring.Index
            if let lastSpace = window.lastIndex(of: " "), lastSpace > rest.startIndex {
                cut = rest.index(after: lastSpace)
            } else if let nextSpace = rest.dropFirst().firstIndex(of: " ") {
                cut = rest.index(after: nextSpace)  // an unbreakable word: the whole word, on a line of its own
            } else {
                break
            }
            guard cut < rest.endIndex else { break }
            pieces.append(rest[..<cut])
            rest = rest[cut...]
        }
        pieces.append(rest)
        return pieces
    }

    /// `wrap` for a line of ASCII only, where a byte is a character: the same cuts, found on bytes (a mail of
    /// 10,000 recipients flows its paragraphs 10,000 times).
    private static func wrapASCII(_ line: Substring, width: Int) -> [Substring] {
        var pieces: [Substring] = []
        var rest = line
        while rest.utf8.count > width {
            let bytes = rest.utf8
            let limit = bytes.index(bytes.startIndex, offsetBy: width)
            let cut: Substring.Index
            if let lastSpace = bytes[..<limit].lastIndex(of: 0x20), lastSpace > bytes.startIndex {
                cut = bytes.index(after: lastSpace)
            } else if let nextSpace = bytes.dropFirst().firstIndex(of: 0x20) {
                cut = bytes.index(after: nextSpace)  // an unbreakable word: the whole word, on a line of its own
            } else {
                break
            }
            guard cut < rest.endIndex else { break }
            pieces.append(rest[..<cut])
            rest = rest[cut...]
        }
        pieces.append(rest)
        return pieces
    }

    private static func stuffed(_ line: Substring) -> String {
        line.first == " " || line.first == ">" || line.hasPrefix("From ") ? " " + line : String(line)
    }
}
