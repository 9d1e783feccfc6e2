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
        // Lines are found on bytes: CR and LF always end a character, so a byte split is the character split, and
        // comparing Characters was most of the flow step of a 10,000-recipient send (scripts/bench/send.sh).
        let utf8 = text.utf8
        var output = ""
        output.reserveCapacity(utf8.count + utf8.count / 32)
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        var first = true
        func emit(_ end: String.Index) {
            if !first { output += "\n" }
            first = false
            var line = text[lineStart..<end]
            if line.utf8.count == 3, line.utf8.elementsEqual("-- ".utf8) {
                output += line
                return
            }
            while line.utf8.last == 0x20, line.last == " " { line = line.dropLast() }
            var firstPiece = true
            for piece in wrap(line, width: width) {
                if !firstPiece { output += "\n" }
                firstPiece = false
                if piece.utf8.first == 0x20 || piece.utf8.first == UInt8(ascii: ">") || piece.hasPrefix("From ") {
                    output += " "
                }
                output += piece
            }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            emit(index)
            var next = utf8.index(after: index)
            if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            index = next
            lineStart = next
        }
        emit(utf8.endIndex)
        return output
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
}
