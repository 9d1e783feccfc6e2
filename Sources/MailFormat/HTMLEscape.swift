/// The one HTML escaper: what swift-mustache's `{{value}}` makes of a string, so a value escaped here before
/// rendering (a pre-rendered mail's, a case's Markdown) reads exactly as one the template escapes itself. Each
/// character (grapheme cluster) that is one of `<>&"'` is replaced; an "&" with a combining mark after it is another
/// character and stays as it is.
public enum HTMLEscape {
    public static func escape(_ string: String) -> String {
        let utf8 = string.utf8
        guard utf8.contains(where: { escapes[Int($0)] != nil }) else { return string }
        var output = ""
        output.reserveCapacity(utf8.count + 16)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // In ASCII every byte is a character of its own but for CR LF, which is not escaped.
            for byte in utf8 {
                if let replacement = escapes[Int(byte)] {
                    output += replacement
                } else {
                    output.unicodeScalars.append(Unicode.Scalar(byte))
                }
            }
            return output
        }
        for character in string {
            if character.utf8.count == 1, let replacement = escapes[Int(character.utf8.first!)] {
                output += replacement
            } else {
                output.append(character)
            }
        }
        return output
    }

    private static let escapes: [String?] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
