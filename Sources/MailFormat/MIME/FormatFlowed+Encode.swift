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
        var output: [UInt8] = []
        flow(text, width: width, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `flow(_:width:)` appended to `output` as UTF-8 (line breaks LF).
    ///
    /// Lines are found on bytes: CR and LF always end a character, so a byte split is the character split. An ASCII
    /// line (nearly every line of our mail) is trimmed, cut and stuffed on its bytes, where a byte is a character; any
    /// other line goes through `Character`s. Walking the text's `String` indices instead was most of this step in a
    /// 10,000-recipient send (scripts/bench/send.sh), which flows every paragraph once per recipient.
    static func flow(_ text: String, width: Int, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(output.count + bytes.count + bytes.count / 32)
            var lineStart = 0
            var index = 0
            var first = true
            func emit(_ end: Int) {
                if !first { output.append(0x0A) }
                first = false
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                if line.allSatisfy({ $0 < 0x80 }) {
                    flowASCII(line, width: width, into: &output)
                } else {
                    flowCharacters(Substring(String(decoding: line, as: UTF8.self)), width: width, into: &output)
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x0A || byte == 0x0D else {
                    index += 1
                    continue
                }
                emit(index)
                var next = index + 1
                if byte == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
                index = next
                lineStart = next
            }
            emit(bytes.count)
        }
    }

    /// One ASCII paragraph: the signature separator as it is; else trailing spaces dropped, cut after the last space
    /// within `width` (a longer word whole on its own line), each piece space-stuffed where it must be.
    private static func flowASCII(_ line: UnsafeBufferPointer<UInt8>, width: Int, into output: inout [UInt8]) {
        if line.elementsEqual("-- ".utf8) {
            output.append(contentsOf: line)
            return
        }
        var end = line.count
        while end > 0, line[end - 1] == 0x20 { end -= 1 }
        var start = 0
        var firstPiece = true
        while true {
            // The piece runs to `cut`: the whole rest when it fits, else just after a space (or the rest when there is
            // no space to cut after).
            var cut = end
            if end - start > width {
                let limit = start + width
                if let lastSpace = (start..<limit).last(where: { line[$0] == 0x20 }), lastSpace > start {
                    cut = lastSpace + 1
                } else if let nextSpace = (start + 1..<end).first(where: { line[$0] == 0x20 }) {
                    cut = nextSpace + 1
                }
            }
            if cut >= end { cut = end }
            if !firstPiece { output.append(0x0A) }
            firstPiece = false
            let piece = UnsafeBufferPointer(rebasing: line[start..<cut])
            if piece.first == 0x20 || piece.first == UInt8(ascii: ">") || piece.starts(with: "From ".utf8) {
                output.append(0x20)
            }
            output.append(contentsOf: piece)
            if cut == end { return }
            start = cut
        }
    }

    /// One paragraph with characters beyond ASCII: the same rules, on `Character`s (a width counts characters).
    private static func flowCharacters(_ line: Substring, width: Int, into output: inout [UInt8]) {
        var line = line
        if line.utf8.count == 3, line.utf8.elementsEqual("-- ".utf8) {
            output.append(contentsOf: line.utf8)
            return
        }
        while line.utf8.last == 0x20, line.last == " " { line = line.dropLast() }
        var firstPiece = true
        for piece in wrap(line, width: width) {
            if !firstPiece { output.append(0x0A) }
            firstPiece = false
            if piece.utf8.first == 0x20 || piece.utf8.first == UInt8(ascii: ">") || piece.hasPrefix("From ") {
                output.append(0x20)
            }
            output.append(contentsOf: piece.utf8)
        }
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
