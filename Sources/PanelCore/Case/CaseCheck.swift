import Foundation

/// One thing the municipality should fix (or consider) before a case goes to the panel.
public struct CaseFinding: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case personalData = "personal-data"
        case dateOfBirth = "date-of-birth"
        case longSentence = "long-sentence"
        case jargon, readability, completeness
    }

    public var kind: Kind
    /// 1-based line in the file.
    public var line: Int?
    /// The section heading, when it belongs to one.
    public var section: String?
    /// The offending text (for personal data: the match itself).
    public var excerpt: String
    /// What is wrong, in Dutch, for the municipality.
    public var message: String
    public var suggestion: String?
    /// Personal data and completeness block approval; readability, jargon and long sentences advise.
    public var blocking: Bool

    public init(
        kind: Kind, line: Int?, section: String?, excerpt: String, message: String, suggestion: String?, blocking: Bool
    ) {
        self.kind = kind
        self.line = line
        self.section = section
        self.excerpt = excerpt
        self.message = message
        self.suggestion = suggestion
        self.blocking = blocking
    }
}

public struct CaseCheckReport: Sendable, Equatable, Codable {
    /// Ordered by line; findings without a line (about the file as a whole) first.
    public var findings: [CaseFinding]
    /// Section heading → Flesch–Douma score, for every section with words.
    public var readability: [String: Double]

    public var isClean: Bool { findings.isEmpty }
    public var hasBlocking: Bool { findings.contains(where: \.blocking) }

    public init(findings: [CaseFinding], readability: [String: Double]) {
        self.findings = findings
        self.readability = readability
    }
}

/// Checks a case file before approval: personal data, dates of birth, completeness (blocking) and plain
/// language (advisory). Pure; no I/O.
public enum CaseCheck {
    /// B1 is roughly Flesch–Douma 60 and up; a section below this gets an advisory readability finding.
    public static let targetScore = 60.0
    /// A sentence with more words than this gets an advisory finding.
    public static let longSentenceWords = 25
    /// Fewer words than this make a section too thin for a lay panel (blocking).
    public static let minimumSectionWords = 15
    /// "Vraag aan het panel" may be shorter: one clear question is enough.
    public static let minimumQuestionWords = 8

    /// Checks raw case-file text, so line numbers are the file's. Works when `CaseFile.parse` fails too: the
    /// parse problems then become completeness findings.
    public static func check(_ text: String) -> CaseCheckReport {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .panelDefault
        let today = calendar.dateComponents([.year, .month, .day], from: Date())
        return check(text, today: (today.year ?? 2026, today.month ?? 1, today.day ?? 1))
    }

    static func check(_ text: String, today: (year: Int, month: Int, day: Int)) -> CaseCheckReport {
        let document = CaseDocument(text)
        var findings: [CaseFinding] = []
        findings += completeness(text, document)
        for line in document.lines {
            findings += personalData(line, today: today)
        }
        findings += jargon(document)
        var scores: [String: Double] = [:]
        for (section, lines) in document.sectionBodies {
            let spans = Readability.sentenceSpans(lines.filter { !$0.text.hasPrefix("#") }.map { ($0.number, $0.text) })
            let sentenceWords = spans.map { Readability.words(in: $0.text) }
            for (span, words) in zip(spans, sentenceWords) where words.count > longSentenceWords {
                findings.append(
                    CaseFinding(
                        kind: .longSentence, line: span.line, section: section.rawValue, excerpt: span.text,
                        message:
                            "Deze zin telt \(words.count) woorden; boven de \(longSentenceWords) woorden raakt een lezer de draad kwijt.",
                        suggestion: "knip de zin op in kortere zinnen van hooguit 15 tot 20 woorden", blocking: false))
            }
            guard let score = Readability.fleschDouma(sentenceWords: sentenceWords) else { continue }
            scores[section.rawValue] = score
            if score < targetScore {
                let hardest = zip(spans, sentenceWords).filter { !$0.1.isEmpty }
                    .min {
                        (Readability.fleschDouma(sentenceWords: [$0.1]) ?? 0)
                            < (Readability.fleschDouma(sentenceWords: [$1.1]) ?? 0)
                    }
                findings.append(
                    CaseFinding(
                        kind: .readability, line: hardest?.0.line ?? document.headingLine[section],
                        section: section.rawValue, excerpt: hardest?.0.text ?? "",
                        message: String(
                            format:
                                "De sectie is moeilijk leesbaar (Flesch-Douma %.0f); voor taalniveau B1 is %.0f of hoger nodig.",
                            locale: Locale(identifier: "nl_NL"), score, targetScore),
                        suggestion: "schrijf kortere zinnen met gewone, korte woorden; begin bij de moeilijkste zin (hierboven)",
                        blocking: false))
            }
        }
        let sorted = findings.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
        return CaseCheckReport(findings: sorted.map(\.element), readability: scores)
    }

    // MARK: - Personal data

    static func personalData(_ line: CaseDocument.Line, today: (year: Int, month: Int, day: Int)) -> [CaseFinding] {
        if line.isFrontMatter, line.text.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("consent_reference:") {
            return []
        }
        let context = PersonalDataContext(year: today.year)
        return PersonalDataScanner.findings(in: line.text, context: context).map { found in
            let excerpt = String(line.text[found.range])
            if found.kind == .dateOfBirth { return dateOfBirth(excerpt, line: line, today: today) }
            let (what, blocking) = describe(found.kind)
            let suggestion = PersonalDataScanner.placeholder(for: found.kind).map { "vervang door \($0)" }
            return CaseFinding(
                kind: .personalData, line: line.number, section: line.section?.rawValue, excerpt: excerpt,
                message: blocking
                    ? "Hier staat \(what); een zaak voor het panel moet anoniem zijn."
                    : "Hier staat \(what); controleer dat die niet naar de aanvrager leidt (bijvoorbeeld een nieuwsbericht of een persoonlijke pagina).",
                suggestion: suggestion ?? "verwijder de link als die naar de aanvrager leidt, of noem de bron in woorden",
                blocking: blocking)
        }
    }

    /// A date of birth, with the age to write instead: "de aanvrager (91)".
    static func dateOfBirth(_ excerpt: String, line: CaseDocument.Line, today: (year: Int, month: Int, day: Int))
        -> CaseFinding
    {
        let chars = Array(excerpt)
        var age: Int?
        if let date = DatesInText.dates(in: chars, lowered: chars.map { Character($0.lowercased()) }).first {
            age = today.year - date.year - ((today.month, today.day) < (date.month, date.day) ? 1 : 0)
        } else if let year = Int(excerpt.filter(\.isNumber)), year > 1800 {
            age = today.year - year
        }
        let example = age.map { $0 >= 0 && $0 < 130 ? "de aanvrager (\($0))" : nil } ?? nil
        return CaseFinding(
            kind: .dateOfBirth, line: line.number, section: line.section?.rawValue, excerpt: excerpt,
            message: "Hier staat een geboortedatum; samen met de gemeente maakt die de aanvrager herkenbaar.",
            suggestion: "schrijf '\(example ?? "de aanvrager (90)")' in plaats van een geboortedatum", blocking: true)
    }

    /// The Dutch description of a kind of personal data, and whether it blocks. Links only advise: a link to
    /// the law or the municipal policy is fine.
    static func describe(_ kind: PersonalDataFinding.Kind) -> (String, Bool) {
        switch kind {
        case .bsn: ("een burgerservicenummer (BSN)", true)
        case .iban: ("een rekeningnummer (IBAN)", true)
        case .phone: ("een telefoonnummer", true)
        case .email: ("een e-mailadres", true)
        case .postcodeHouseNumber: ("een adres (postcode of straat met huisnummer)", true)
        case .dateOfBirth: ("een geboortedatum", true)
        case .name: ("een naam", true)
        case .url: ("een link", false)
        }
    }

    // MARK: - Completeness

    static func completeness(_ text: String, _ document: CaseDocument) -> [CaseFinding] {
        var findings: [CaseFinding] = []
        do {
            _ = try CaseFile.parse(text)
        } catch {
            findings += error.problems.map { finding(for: $0, document) }
        }
        for section in CaseSection.allCases {
            guard let lines = document.sectionBodies.first(where: { $0.section == section })?.lines else { continue }
            let body = lines.map(\.text).joined(separator: "\n")
            let wordCount = Readability.words(in: body).count
            guard wordCount > 0 else { continue }  // empty: the parse problem says so
            let minimum = section == .question ? minimumQuestionWords : minimumSectionWords
            let heading = document.headingLine[section]
            if wordCount < minimum {
                findings.append(
                    CaseFinding(
                        kind: .completeness, line: heading, section: section.rawValue,
                        excerpt: body.trimmingCharacters(in: .whitespacesAndNewlines),
                        message:
                            "De sectie `# \(section.rawValue)` is te kort (\(wordCount) \(wordCount == 1 ? "woord" : "woorden")); een lezer zonder voorkennis heeft er minstens \(minimum) nodig.",
                        suggestion: advice(for: section), blocking: true))
            }
            if section == .question, !body.contains("?") {
                findings.append(
                    CaseFinding(
                        kind: .completeness, line: heading, section: section.rawValue,
                        excerpt: body.trimmingCharacters(in: .whitespacesAndNewlines),
                        message: "In `# \(section.rawValue)` staat geen vraag: er ontbreekt een vraagteken.",
                        suggestion:
                            "stel één duidelijke vraag die het panel met ja of nee kan beantwoorden, bijvoorbeeld 'Vindt u het besluit van de gemeente redelijk?'",
                        blocking: true))
            }
        }
        return findings
    }

    static func advice(for section: CaseSection) -> String {
        switch section {
        case .decision: "beschrijf wat de gemeente heeft besloten, en wanneer"
        case .municipalityView: "leg uit waarom de gemeente zo besloot"
        case .applicantView: "leg uit wat de aanvrager wil en waarom"
        case .framework: "noem de regels en het beleid die gelden, in gewone woorden"
        case .question: "stel de vraag zo dat iemand zonder voorkennis hem begrijpt"
        }
    }

    /// A `CaseFileError` problem as a Dutch completeness finding; the excerpt is the line it is about, or the
    /// missing heading.
    static func finding(for problem: CaseFileProblem, _ document: CaseDocument) -> CaseFinding {
        func finding(_ message: String, section: CaseSection? = nil, suggestion: String? = nil) -> CaseFinding {
            let lineText = problem.line.flatMap { number in document.lines.first { $0.number == number }?.text }
            let excerpt = lineText ?? section.map { "# \($0.rawValue)" } ?? ""
            return CaseFinding(
                kind: .completeness, line: problem.line, section: section?.rawValue, excerpt: excerpt, message: message,
                suggestion: suggestion, blocking: true)
        }
        switch problem {
        case .frontMatterMissing:
            return finding(
                "De kop met gegevens ontbreekt.",
                suggestion:
                    "begin het bestand met een regel `---`, dan `title:`, `domain:` en `consent_reference:`, en dan weer `---`")
        case .fieldMissing(let field):
            return finding("In de kop ontbreekt `\(field):`.", suggestion: "vul `\(field):` in tussen de twee regels `---`")
        case .frontMatterLine:
            return finding("Deze regel in de kop is geen `naam: waarde`.")
        case .fieldTooLong(let field):
            return finding(
                "Het veld `\(field)` in de kop is te lang.", suggestion: "houd het onder \(CaseFile.maxFieldLength) tekens")
        case .sectionMissing(let section):
            return finding(
                "De sectie `# \(section.rawValue)` ontbreekt.", section: section,
                suggestion: "voeg een kop `# \(section.rawValue)` toe; \(advice(for: section))")
        case .sectionEmpty(let section):
            return finding("De sectie `# \(section.rawValue)` is leeg.", section: section, suggestion: advice(for: section))
        case .sectionTwice(let section, _):
            return finding(
                "De sectie `# \(section.rawValue)` staat er twee keer in.", section: section,
                suggestion: "voeg de twee delen samen onder één kop")
        case .unknownSection(let heading, _):
            let known = CaseSection.allCases.map { "`# \($0.rawValue)`" }.joined(separator: ", ")
            return finding(
                "Onbekende sectie `# \(heading)`.", suggestion: "gebruik alleen \(known); gebruik `##` voor een tussenkopje")
        case .textBeforeFirstSection:
            return finding(
                "Er staat tekst vóór de eerste sectie.", suggestion: "begin de tekst met `# \(CaseSection.decision.rawValue)`")
        }
    }

    // MARK: - Jargon

    /// One finding per term per section (or per front-matter title): the first place it occurs.
    static func jargon(_ document: CaseDocument) -> [CaseFinding] {
        var findings: [CaseFinding] = []
        var firstIndex: [String: Int] = [:]  // "section|term" → index in findings
        var counts: [String: Int] = [:]
        for line in document.lines where line.isBody || line.isTitle {
            guard !line.isHeading else { continue }
            for (term, excerpt) in CaseJargon.matches(in: line.text) {
                let key = "\(line.section?.rawValue ?? "")|\(term.term)"
                counts[key, default: 0] += 1
                if let index = firstIndex[key] {
                    findings[index].message = CaseJargon.message(term, count: counts[key, default: 1])
                    continue
                }
                firstIndex[key] = findings.count
                findings.append(
                    CaseFinding(
                        kind: .jargon, line: line.number, section: line.section?.rawValue, excerpt: excerpt,
                        message: CaseJargon.message(term, count: 1), suggestion: term.suggestion, blocking: false))
            }
        }
        return findings
    }
}

/// A case file's lines with where each belongs, found without `CaseFile.parse` so that it works on broken files.
struct CaseDocument {
    struct Line {
        var number: Int
        var text: String
        var isFrontMatter: Bool
        var isTitle: Bool
        var isHeading: Bool
        /// After the front matter.
        var isBody: Bool
        var section: CaseSection?
    }

    var lines: [Line] = []
    /// Each known section's body lines (without its heading), in file order; a repeated section is merged.
    var sectionBodies: [(section: CaseSection, lines: [Line])] = []
    var headingLine: [CaseSection: Int] = [:]

    init(_ text: String) {
        let raw = Readability.lineSplit(text)
        let frontMatter = FrontMatter.bounds(raw).map { $0.open...$0.close }
        var current: CaseSection?
        for (index, text) in raw.enumerated() {
            let inFrontMatter = frontMatter?.contains(index) ?? false
            let isBody = !inFrontMatter && index > (frontMatter?.upperBound ?? -1)
            let isHeading = isBody && (text.hasPrefix("# ") || text == "#")
            if isHeading {
                let heading = text.dropFirst().trimmingCharacters(in: .whitespaces).lowercased()
                current = CaseSection.allCases.first { $0.rawValue.lowercased() == heading }
                if let current, headingLine[current] == nil { headingLine[current] = index + 1 }
            }
            let isTitle = inFrontMatter && text.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("title:")
            let line = Line(
                number: index + 1, text: text, isFrontMatter: inFrontMatter, isTitle: isTitle, isHeading: isHeading,
                isBody: isBody, section: isBody ? current : nil)
            lines.append(line)
            if isBody, !isHeading, let current {
                if let slot = sectionBodies.firstIndex(where: { $0.section == current }) {
                    sectionBodies[slot].lines.append(line)
                } else {
                    sectionBodies.append((current, [line]))
                }
            }
        }
        for section in CaseSection.allCases
        where headingLine[section] != nil && !sectionBodies.contains(where: { $0.section == section }) {
            sectionBodies.append((section, []))
        }
    }
}

/// Officialese and Wmo terms a lay panel stumbles over, each with a plain-Dutch alternative.
enum CaseJargon {
    struct Term: Sendable {
        var term: String
        var suggestion: String
        /// Endings that still count as the term ("beschikking" + "en").
        var endings: [String] = []
        /// Only the exact spelling: "ZIN" (zorg in natura), not "zin".
        var caseSensitive = false
    }

    static let terms: [Term] = [
        Term(
            term: "maatwerkvoorziening", suggestion: "schrijf 'hulp op maat', bijvoorbeeld 'een traplift via de gemeente'",
            endings: ["en"]),
        Term(term: "compensatieplicht", suggestion: "schrijf 'de plicht van de gemeente om te helpen'"),
        Term(term: "ingevolge", suggestion: "schrijf 'volgens'"),
        Term(term: "derhalve", suggestion: "schrijf 'daarom'"),
        Term(term: "voornoemd", suggestion: "schrijf 'deze' of 'die'", endings: ["e"]),
        Term(term: "onderhavig", suggestion: "schrijf 'deze' of 'dit'", endings: ["e"]),
        Term(term: "beschikking", suggestion: "schrijf 'besluit' of 'brief met het besluit'", endings: ["en"]),
        Term(
            term: "primaat van verhuizen", suggestion: "schrijf 'de regel dat verhuizen voorgaat op het aanpassen van de woning'"),
        Term(term: "goedkoopst adequate", suggestion: "schrijf 'de goedkoopste oplossing die goed genoeg is'"),
        Term(term: "goedkoopst passende", suggestion: "schrijf 'de goedkoopste oplossing die goed genoeg is'"),
        Term(term: "adequaat", suggestion: "schrijf 'passend' of 'goed genoeg'"),
        Term(term: "adequate", suggestion: "schrijf 'passende' of 'goed genoeg'"),
        Term(term: "PGB", suggestion: "schrijf 'persoonsgebonden budget (geld om zelf hulp in te kopen)'", endings: ["'s"]),
        Term(term: "ZIN", suggestion: "schrijf 'zorg in natura (hulp die de gemeente zelf regelt)'", caseSensitive: true),
        Term(term: "CIZ", suggestion: "schrijf 'het CIZ, de organisatie die beslist wie langdurige zorg krijgt'"),
        Term(term: "Wlz", suggestion: "schrijf 'Wet langdurige zorg (voor wie altijd zorg nodig heeft)'"),
        Term(term: "Awb", suggestion: "schrijf 'Algemene wet bestuursrecht (de regels voor besluiten van de overheid)'"),
        Term(term: "keukentafelgesprek", suggestion: "schrijf 'gesprek bij de aanvrager thuis'", endings: ["ken"]),
        Term(term: "eigen kracht", suggestion: "schrijf 'wat iemand zelf kan of met hulp van familie en vrienden'"),
        Term(term: "algemene voorziening", suggestion: "schrijf 'hulp die voor iedereen is, zonder aanvraag'", endings: ["en"]),
        Term(term: "algemeen gebruikelijk", suggestion: "schrijf 'iets wat veel mensen zelf kopen'", endings: ["e"]),
        Term(term: "gebruikelijke zorg", suggestion: "schrijf 'hulp die huisgenoten normaal aan elkaar geven'"),
        Term(term: "zorgvuldigheidsbeginsel", suggestion: "schrijf 'de regel dat de gemeente alles goed moet uitzoeken'"),
        Term(term: "ten behoeve van", suggestion: "schrijf 'voor'"),
        Term(term: "in casu", suggestion: "schrijf 'hier' of 'in dit geval'"),
        Term(term: "conform", suggestion: "schrijf 'volgens'"),
        Term(term: "aanvang", suggestion: "schrijf 'begin'"),
        Term(term: "teneinde", suggestion: "schrijf 'om'"),
        Term(term: "inzake", suggestion: "schrijf 'over'"),
        Term(term: "dienaangaande", suggestion: "schrijf 'daarover'"),
        Term(term: "alsmede", suggestion: "schrijf 'en' of 'ook'"),
        Term(term: "reeds", suggestion: "schrijf 'al'"),
        Term(term: "indien", suggestion: "schrijf 'als'"),
        Term(term: "middels", suggestion: "schrijf 'met' of 'door'"),
        Term(term: "desalniettemin", suggestion: "schrijf 'toch'"),
        Term(term: "evenwel", suggestion: "schrijf 'maar' of 'toch'"),
        Term(term: "doch", suggestion: "schrijf 'maar'"),
        Term(term: "tevens", suggestion: "schrijf 'ook'"),
        Term(term: "hetgeen", suggestion: "schrijf 'wat'"),
        Term(term: "zulks", suggestion: "schrijf 'dat'"),
        Term(term: "ter zake", suggestion: "schrijf 'hierover'"),
        Term(term: "belanghebbende", suggestion: "schrijf 'de aanvrager' of 'wie het aangaat'", endings: ["n"]),
        Term(
            term: "bezwaarschrift", suggestion: "schrijf 'bezwaar' of 'brief waarin iemand zegt het niet eens te zijn'",
            endings: ["en"]),
        Term(term: "zelfredzaamheid", suggestion: "schrijf 'zichzelf kunnen redden'"),
        Term(term: "participatie", suggestion: "schrijf 'meedoen'"),
        Term(term: "indicatie", suggestion: "schrijf 'beoordeling van welke hulp iemand nodig heeft'", endings: ["s"]),
        Term(term: "woonvoorziening", suggestion: "schrijf 'aanpassing in of aan het huis'", endings: ["en"]),
        Term(
            term: "vervoersvoorziening", suggestion: "schrijf 'hulp bij vervoer, zoals een scootmobiel of taxi'", endings: ["en"]),
        Term(term: "verstrekking", suggestion: "schrijf 'wat de gemeente geeft' of 'vergoeding'", endings: ["en"]),
    ]

    static func message(_ term: Term, count: Int) -> String {
        let times = count > 1 ? " (\(count) keer in deze sectie)" : ""
        return "'\(term.term)' is ambtelijke taal of vakjargon; het panel kent dit woord misschien niet\(times)."
    }

    /// The terms in `line` with the text that matched, longest term first where matches overlap.
    static func matches(in line: String) -> [(Term, String)] {
        let chars = Array(line)
        let lowered = chars.map { Character($0.lowercased()) }
        var taken = [Bool](repeating: false, count: chars.count)
        var found: [(lower: Int, term: Term, excerpt: String)] = []
        for term in terms.sorted(by: { $0.term.count > $1.term.count }) {
            let needle = Array(term.caseSensitive ? term.term : term.term.lowercased())
            let haystack = term.caseSensitive ? chars : lowered
            guard needle.count <= haystack.count else { continue }
            for start in 0...(haystack.count - needle.count) {
                guard start == 0 || !chars[start - 1].isLetter, Array(haystack[start..<(start + needle.count)]) == needle
                else { continue }
                let afterTerm = start + needle.count
                let ending = ([""] + term.endings).sorted { $0.count > $1.count }.first { ending in
                    let end = afterTerm + ending.count
                    return end <= chars.count && String(lowered[afterTerm..<end]) == ending
                        && (end == chars.count || !chars[end].isLetter)
                }
                guard let ending, !taken[start..<(afterTerm + ending.count)].contains(true) else { continue }
                let upper = afterTerm + ending.count
                for offset in start..<upper { taken[offset] = true }
                found.append((start, term, String(chars[start..<upper])))
            }
        }
        return found.sorted { $0.lower < $1.lower }.map { ($0.term, $0.excerpt) }
    }
}
