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
        var inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" {
                if inside { return nil }
                inside = true
                continue
            }
            guard inside, let colon = trimmed.firstIndex(of: ":") else { continue }
            if trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == key {
                return trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
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
    public var problems: [String]

    public var description: String {
        "the case file is not complete:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension CaseFile {
    /// Hidden characters (a right-to-left override, an ESC) are removed first (`OutsideText`): the case reaches every
    /// panelist, and a reader must see what it says.
    public static func parse(_ text: String) throws(CaseFileError) -> CaseFile {
        var problems: [String] = []
        let lines = OutsideText.neutralised(text).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
            of: "\r", with: "\n"
        )
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        // Front matter: between the first two lines that are exactly "---".
        var fields: [String: String] = [:]
        var bodyStart = 0
        var firstContent = 0
        while firstContent < lines.count, lines[firstContent].trimmingCharacters(in: .whitespaces).isEmpty {
            firstContent += 1
        }
        if firstContent < lines.count, lines[firstContent].trimmingCharacters(in: .whitespaces) == "---",
            let end = lines[(firstContent + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        {
            for (offset, line) in lines[(firstContent + 1)..<end].enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                guard let colon = trimmed.firstIndex(of: ":") else {
                    problems.append("front matter line \(firstContent + offset + 2) is not `key: value`: \(trimmed)")
                    continue
                }
                let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                var value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                    value = String(value.dropFirst().dropLast())
                }
                fields[key] = value
            }
            bodyStart = end + 1
        } else {
            problems.append(
                "front matter is missing: start the file with a `---` line, then `title:`, `domain:` and `consent_reference:`, then `---`"
            )
        }
        if problems.isEmpty || fields.isEmpty == false {
            for field in requiredFields where (fields[field] ?? "").isEmpty {
                problems.append("front matter lacks `\(field):`")
            }
        }
        for (key, value) in fields where value.count > maxFieldLength {
            problems.append("front matter `\(key)` is longer than \(maxFieldLength) characters")
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
                        problems.append("section `# \(section.rawValue)` appears twice (line \(index + 1))")
                    }
                    seen.insert(section)
                    current = section
                } else {
                    let known = CaseSection.allCases.map { "`# \($0.rawValue)`" }.joined(separator: ", ")
                    problems.append(
                        "line \(index + 1): unknown section `# \(heading)`; the sections are \(known) (use `##` for sub-headings)"
                    )
                    current = nil
                }
            } else if current != nil {
                buffer.append(line)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty, problems.isEmpty {
                problems.append(
                    "line \(index + 1): text before the first section; start with `# \(CaseSection.decision.rawValue)`")
            }
        }
        flush()
        for section in CaseSection.allCases {
            if !seen.contains(section) {
                problems.append("section `# \(section.rawValue)` is missing")
            } else if (sections[section] ?? "").isEmpty {
                problems.append("section `# \(section.rawValue)` is empty")
            }
        }
        guard problems.isEmpty else { throw CaseFileError(problems: problems) }
        return CaseFile(
            title: fields["title"]!, domain: fields["domain"]!, consentReference: fields["consent_reference"]!,
            sections: sections)
    }
}
