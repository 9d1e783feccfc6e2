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
        // In ASCII a byte is a character: the same cuts, found on bytes (a mail to 10,000 recipients flows its
        // paragraphs 10,000 times).
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return cuts(line, width: width, space: 0x20, in: \.utf8) }
        return cuts(line, width: width, space: " ", in: { $0 })
    }

    /// `line` cut after the last space within `width` units of `view` (characters or, for ASCII, bytes); a word
    /// longer than `width` (a URL) is never cut: the whole word goes on a line of its own.
    private static func cuts<View: BidirectionalCollection>(
        _ line: Substring, width: Int, space: View.Element, in view: (Substring) -> View
    ) -> [Substring] where View.Index == String.Index, View.Element: Equatable {
        var pieces: [Substring] = []
        var rest = line
        while true {
            let units = view(rest)
            // An offset walks at most `width` units; `count` would walk the whole line.
            guard let limit = units.index(units.startIndex, offsetBy: width, limitedBy: units.endIndex),
                limit < units.endIndex
            else { break }
            let cut: String.Index
            if let lastSpace = units[..<limit].lastIndex(of: space), lastSpace > units.startIndex {
                cut = units.index(after: lastSpace)
            } else if let nextSpace = units.dropFirst().firstIndex(of: space) {
                cut = units.index(after: nextSpace)
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
