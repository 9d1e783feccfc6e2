import Foundation

/// The little Markdown a case file uses, made into safe HTML for mail.
///
/// Everything is escaped first, so a case can never inject markup; then blank-line paragraphs (lines
/// within one are joined, as in Markdown), `-`/`*` lists with indented continuation lines, `##`
/// sub-headings and `**bold**` are recognised. Nothing else is needed in a case.
public enum SimpleMarkdown {
    public static func html(_ markdown: String) -> String {
        var output: [String] = []
        var paragraph: [String] = []
        var list: [String] = []
        func flushParagraph() {
            if !paragraph.isEmpty { output.append("<p>" + paragraph.joined(separator: "\n") + "</p>") }
            paragraph = []
        }
        func flushList() {
            if !list.isEmpty { output.append("<ul>\n" + list.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>") }
            list = []
        }
        let lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for rawLine in lines {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if !list.isEmpty, rawLine.first?.isWhitespace == true {
                list[list.count - 1] += " " + inline(line)
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flushParagraph()
                list.append(inline(String(line.dropFirst(2))))
            } else if line.hasPrefix("#") {
                flushParagraph()
                flushList()
                let text = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                output.append("<h3>\(inline(text))</h3>")
            } else {
                flushList()
                paragraph.append(inline(line))
            }
        }
        flushParagraph()
        flushList()
        return output.joined(separator: "\n")
    }

    /// Plain text for the text part: Markdown is readable as it is, but `**` markers are noise on a phone, and
    /// the source's line breaks inside a paragraph or list item would make ragged lines on a narrow screen. So,
    /// as in `html`, the lines of a paragraph are joined, and a list item's indented continuation joins its item:
    /// one line per paragraph or item, which the flowed text part then wraps to the reader's screen.
    public static func text(_ markdown: String) -> String {
        var output: [String] = []
        var inParagraph = false
        var inList = false
        let lines = markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for rawLine in lines {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                output.append("")
                inParagraph = false
                inList = false
            } else if inList, rawLine.first?.isWhitespace == true {
                output[output.count - 1] += " " + line
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                output.append(line)
                inList = true
                inParagraph = false
            } else if line.hasPrefix("#") {
                output.append(line)
                inList = false
                inParagraph = false
            } else if inParagraph {
                output[output.count - 1] += " " + line
            } else {
                output.append(line)
                inParagraph = true
                inList = false
            }
        }
        return output.joined(separator: "\n")
    }

    /// Text someone wrote (an argument, an answer), escaped, with its line breaks as `<br>`: real breaks, where
    /// `white-space: pre-line` is ignored by Outlook's Word engine.
    public static func lineBreaks(_ text: String) -> String {
        escape(text.trimmingCharacters(in: .whitespacesAndNewlines)).replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "<br>\n")
    }

    static func inline(_ text: String) -> String {
        let escaped = escape(text)
        var result = ""
        var bold = false
        var rest = Substring(escaped)
        while let range = rest.range(of: "**") {
            result += rest[..<range.lowerBound]
            result += bold ? "</strong>" : "<strong>"
            bold.toggle()
            rest = rest[range.upperBound...]
        }
        result += rest
        if bold { result += "</strong>" }
        return result
    }

    public static func escape(_ text: String) -> String { HTMLEscape.escape(text) }
}
