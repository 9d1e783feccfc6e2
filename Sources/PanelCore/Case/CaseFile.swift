import Foundation

/// A case as the municipality writes it: Markdown with front matter and five fixed sections.
///
/// ```
/// ---
/// title: Traplift voor mevrouw in een eengezinswoning
/// domain: Wmo
/// consent_reference: UTR-2026-0042
/// ---
/// # Besluit
/// …
/// ```
public struct CaseFile: Sendable, Equatable {
    public var title: String
    public var domain: String
    public var consentReference: String
    /// Section bodies (Markdown), keyed by the section.
    public var sections: [CaseSection: String]

    public subscript(section: CaseSection) -> String { sections[section] ?? "" }

    public static let requiredFields = ["title", "domain", "consent_reference"]
    static let maxFieldLength = 200

    /// One front matter value (`key: value` between the opening `---` lines), without parsing the rest.
    public static func frontMatterValue(_ key: String, in text: String) -> String? {
        let lines = Readability.lineSplit(text)
        guard let bounds = FrontMatter.bounds(lines) else { return nil }
        for line in lines[(bounds.open + 1)..<bounds.close] {
            if case .field(key, let value) = FrontMatter.read(line) { return value }
        }
        return nil
    }
}

/// The sections every case needs, so a lay panel hears both sides and the rules.
public enum CaseSection: String, Sendable, CaseIterable, Codable {
    case decision = "Besluit"
    case municipalityView = "Standpunt gemeente"
    case applicantView = "Standpunt aanvrager"
    case framework = "Kaders"
    case question = "Vraag aan het panel"

    /// Column-safe key for storage and templates.
    public var key: String {
        switch self {
        case .decision: "decision"
        case .municipalityView: "municipality_view"
        case .applicantView: "applicant_view"
        case .framework: "framework"
        case .question: "question"
        }
    }
}

/// Everything wrong with a case file at once, so the author fixes it in one go.
public struct CaseFileError: Error, Equatable, CustomStringConvertible {
    public var problems: [CaseFileProblem]

    public var description: String {
        "the case file is not complete:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// One thing wrong with a case file: typed, so the case check can say it in Dutch (`CaseCheck.finding(for:)`) and the
/// command line in English (`description`) without either reading the other's wording.
public enum CaseFileProblem: Sendable, Equatable, CustomStringConvertible {
    case frontMatterMissing
    /// A front-matter line without a colon.
    case frontMatterLine(line: Int, text: String)
    case fieldMissing(String)
    case fieldTooLong(String)
    case sectionTwice(CaseSection, line: Int)
    case unknownSection(String, line: Int)
    case textBeforeFirstSection(line: Int)
    case sectionMissing(CaseSection)
    case sectionEmpty(CaseSection)

    /// The line of the file the problem is on, when it is on one.
    public var line: Int? {
        switch self {
        case .frontMatterLine(let line, _), .sectionTwice(_, let line), .unknownSection(_, let line),
            .textBeforeFirstSection(let line):
            line
        case .frontMatterMissing, .fieldMissing, .fieldTooLong, .sectionMissing, .sectionEmpty:
            nil
        }
    }

    public var description: String {
        switch self {
        case .frontMatterMissing:
            "front matter is missing: start the file with a `---` line, then `title:`, `domain:` and `consent_reference:`, then `---`"
        case .frontMatterLine(let line, let text):
            "front matter line \(line) is not `key: value`: \(text)"
        case .fieldMissing(let field):
            "front matter lacks `\(field):`"
        case .fieldTooLong(let field):
            "front matter `\(field)` is longer than \(CaseFile.maxFieldLength) characters"
        case .sectionTwice(let section, let line):
            "section `# \(section.rawValue)` appears twice (line \(line))"
        case .unknownSection(let heading, let line):
            "line \(line): unknown section `# \(heading)`; the sections are "
                + CaseSection.allCases.map { "`# \($0.rawValue)`" }.joined(separator: ", ") + " (use `##` for sub-headings)"
        case .textBeforeFirstSection(let line):
            "line \(line): text before the first section; start with `# \(CaseSection.decision.rawValue)`"
        case .sectionMissing(let section):
            "section `# \(section.rawValue)` is missing"
        case .sectionEmpty(let section):
            "section `# \(section.rawValue)` is empty"
        }
    }
}

extension CaseFile {
    /// Hidden characters (a right-to-left override, an ESC) are removed first (`OutsideText`): the case reaches every
    /// panelist, and a reader must see what it says.
    public static func parse(_ text: String) throws(CaseFileError) -> CaseFile {
        var problems: [CaseFileProblem] = []
        let lines = OutsideText.neutralised(text).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
            of: "\r", with: "\n"
        )
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        // Front matter: between the first two lines that are exactly "---".
        var fields: [String: String] = [:]
        var bodyStart = 0
        if let bounds = FrontMatter.bounds(lines) {
            for index in (bounds.open + 1)..<bounds.close {
                switch FrontMatter.read(lines[index]) {
                case .nothing: continue
                case .malformed(let text): problems.append(.frontMatterLine(line: index + 1, text: text))
                case .field(let key, let value): fields[key] = value
                }
            }
            bodyStart = bounds.close + 1
        } else {
            problems.append(.frontMatterMissing)
        }
        if problems.isEmpty || fields.isEmpty == false {
            for field in requiredFields where (fields[field] ?? "").isEmpty {
                problems.append(.fieldMissing(field))
            }
        }
        for (key, value) in fields where value.count > maxFieldLength {
            problems.append(.fieldTooLong(key))
        }

        // Sections: "# Heading" lines (level one) split the body.
        var sections: [CaseSection: String] = [:]
        var current: CaseSection?
        var buffer: [String] = []
        var seen: Set<CaseSection> = []
        func flush() {
            if let current { sections[current] = buffer.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) }
            buffer = []
        }
        for (index, line) in lines.enumerated().dropFirst(bodyStart) {
            if line.hasPrefix("# ") || line == "#" {
                flush()
                let heading = line.dropFirst(1).trimmingCharacters(in: .whitespaces)
                if let section = CaseSection.allCases.first(where: { $0.rawValue.lowercased() == heading.lowercased() }) {
                    if seen.contains(section) {
                        problems.append(.sectionTwice(section, line: index + 1))
                    }
                    seen.insert(section)
                    current = section
                } else {
                    problems.append(.unknownSection(heading, line: index + 1))
                    current = nil
                }
            } else if current != nil {
                buffer.append(line)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty, problems.isEmpty {
                problems.append(.textBeforeFirstSection(line: index + 1))
            }
        }
        flush()
        for section in CaseSection.allCases {
            if !seen.contains(section) {
                problems.append(.sectionMissing(section))
            } else if (sections[section] ?? "").isEmpty {
                problems.append(.sectionEmpty(section))
            }
        }
        guard problems.isEmpty else { throw CaseFileError(problems: problems) }
        return CaseFile(
            title: fields["title"]!, domain: fields["domain"]!, consentReference: fields["consent_reference"]!,
            sections: sections)
    }
}
