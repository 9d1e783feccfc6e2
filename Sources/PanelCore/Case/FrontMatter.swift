import Foundation

/// The front matter of a case file: the lines between its first non-blank line, when that is `---`, and the next
/// `---` line. The one reading of it: `CaseFile.parse`, `CaseFile.frontMatterValue` and the case check
/// (`CaseDocument`) all find it here, so what counts as front matter cannot differ between them.
enum FrontMatter {
    /// Indices of the opening and closing `---` lines, or nil when the file has no front matter.
    static func bounds(_ lines: [String]) -> (open: Int, close: Int)? {
        guard let open = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
            lines[open].trimmingCharacters(in: .whitespaces) == "---",
            let close = lines[(open + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        else { return nil }
        return (open, close)
    }

    /// What one line inside the front matter says.
    enum Line: Equatable {
        /// Blank, or a `#` comment.
        case nothing
        /// `key: value`: the key lowercased, the value trimmed and stripped of one pair of matching quotes.
        case field(key: String, value: String)
        /// Text without a colon.
        case malformed(String)
    }

    static func read(_ line: String) -> Line {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .nothing }
        guard let colon = trimmed.firstIndex(of: ":") else { return .malformed(trimmed) }
        let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        var value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        return .field(key: key, value: value)
    }
}
