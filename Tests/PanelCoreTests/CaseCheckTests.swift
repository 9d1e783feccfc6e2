import Foundation
import Testing

@testable import PanelCore

@Suite struct CaseCheckTests {
    /// Simple, complete and anonymous: passes every check.
    static let clean = """
        ---
        title: Een traplift voor een oudere vrouw
        domain: Wmo
        consent_reference: UTR-2026-111222333
        ---
        # Besluit
        Een vrouw van 90 jaar vroeg de gemeente om een traplift. De gemeente zei nee. Zij kreeg dat besluit in maart.

        # Standpunt gemeente
        De vrouw kan niet meer goed de trap op. Een traplift is duur. In de buurt staat een huis zonder trap.
        Daar kan zij gaan wonen. Dat kost de gemeente minder geld.

        # Standpunt aanvrager
        De vrouw woont al vijftig jaar in haar huis. Haar buren helpen haar elke dag. Zij wil niet weg uit haar straat.
        Zij vindt een verhuizing te zwaar.

        # Kaders
        De wet zegt dat de gemeente moet helpen. De gemeente mag de goedkope oplossing kiezen. Die moet dan wel goed
        genoeg zijn voor de vrouw.

        # Vraag aan het panel
        Vindt u dat de gemeente de traplift moet betalen? Of moet de vrouw verhuizen?
        """

    /// The clean case with `line` put in after the line that starts with `after`.
    static func clean(inserting line: String, after: String = "Zij vindt een verhuizing") -> String {
        var lines = clean.components(separatedBy: "\n")
        let index = lines.firstIndex { $0.hasPrefix(after) }!
        lines.insert(line, at: index + 1)
        return lines.joined(separator: "\n")
    }

    static func lineNumber(of prefix: String, in text: String) -> Int {
        text.components(separatedBy: "\n").firstIndex { $0.hasPrefix(prefix) }! + 1
    }

    static let today = (year: 2026, month: 5, day: 1)

    // MARK: - A clean case

    @Test func cleanCaseIsClean() throws {
        _ = try CaseFile.parse(Self.clean)
        let report = CaseCheck.check(Self.clean)
        #expect(report.findings == [])
        #expect(report.isClean)
        #expect(!report.hasBlocking)
        #expect(Set(report.readability.keys) == Set(CaseSection.allCases.map(\.rawValue)))
        for (section, score) in report.readability {
            #expect(score >= CaseCheck.targetScore, "\(section): \(score)")
        }
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let report = CaseCheck.check(Self.clean(inserting: "Haar BSN is 111222333 en zij is geb. 03-03-1934."))
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(CaseCheckReport.self, from: data) == report)
        #expect(String(decoding: data, as: UTF8.self).contains("\"personal-data\""))
    }

    // MARK: - Personal data

    @Test func bsnIsBlockingWithItsLine() throws {
        let text = Self.clean(inserting: "Haar burgerservicenummer is 111222333.")
        let report = CaseCheck.check(text)
        let finding = try #require(report.findings.first { $0.kind == .personalData })
        #expect(report.findings.count == 1)
        #expect(finding.excerpt == "111222333")
        #expect(finding.line == Self.lineNumber(of: "Haar burgerservicenummer", in: text))
        #expect(finding.section == "Standpunt aanvrager")
        #expect(finding.suggestion == "vervang door [BSN verwijderd]")
        #expect(finding.blocking)
        #expect(report.hasBlocking)
    }

    @Test func nineDigitsFailingTheElfproefAreNotABSN() {
        let report = CaseCheck.check(Self.clean(inserting: "Het zaaknummer is 123456789."))
        #expect(!report.findings.contains { $0.kind == .personalData })
        #expect(report.isClean)
    }

    @Test func consentReferenceIsNotScanned() {
        // The clean case's consent_reference holds 111222333, a valid elfproef number.
        #expect(CaseCheck.check(Self.clean).findings.isEmpty)
        let report = CaseCheck.check(Self.clean.replacingOccurrences(of: "title: Een", with: "title: 111222333 Een"))
        #expect(report.findings.map(\.line) == [2])
    }

    @Test func otherPersonalDataAndLinks() {
        let text = Self.clean(
            inserting: "Zij woont aan de Hoofdstraat 12. Bel 06-12345678 of kijk op www.nieuwsdorp.nl/traplift.")
        let findings = CaseCheck.check(text).findings.filter { $0.kind == .personalData }
        #expect(findings.map(\.excerpt) == ["Hoofdstraat 12", "06-12345678", "www.nieuwsdorp.nl/traplift"])
        #expect(findings.map(\.blocking) == [true, true, false])  // a link only advises
        #expect(findings[0].suggestion == "vervang door [adres verwijderd]")
    }

    /// The same scanner as replies: a bare postcode, a spelled-out BSN separator and "nr. 14" block a case too.
    @Test func theReplyScannersFormsCountInACase() {
        let text = Self.clean(inserting: "Zij woont in 3511 AB op nr. 14 en haar BSN is 1112-22333.")
        let findings = CaseCheck.check(text).findings.filter { $0.kind == .personalData }
        #expect(findings.map(\.excerpt) == ["3511 AB", "nr. 14", "1112-22333"])
        #expect(findings.allSatisfy { $0.blocking })
    }

    // MARK: - Dates of birth

    // The excerpt is the date itself: the scanner masks it as "[geboortedatum verwijderd]" after "geboren op".
    @Test(arguments: [
        ("Mevrouw is geboren op 3 maart 1934.", "3 maart 1934", "(92)"),
        ("Mevrouw, geb. 03-03-1934, woont alleen.", "03-03-1934", "(92)"),
        ("Haar geboortedatum 3-3-1934 staat in het dossier.", "3-3-1934", "(92)"),
        ("Geboortedatum: 1934-06-20.", "1934-06-20", "(91)"),
        ("Zij is op 20 juni 1934 in Utrecht geboren.", "20 juni 1934", "(91)"),
        ("Geboren in een groot gezin, op 3 mrt. 1950.", "3 mrt. 1950", "(76)"),
    ])
    func dateOfBirthIsBlocking(line: String, excerpt: String, age: String) throws {
        let text = Self.clean(inserting: line)
        let report = CaseCheck.check(text, today: Self.today)
        let finding = try #require(report.findings.first { $0.kind == .dateOfBirth })
        #expect(report.findings.filter { $0.kind == .dateOfBirth }.count == 1)
        #expect(finding.excerpt == excerpt)
        #expect(finding.line == Self.lineNumber(of: line, in: text))
        #expect(finding.blocking)
        #expect(finding.suggestion?.contains("de aanvrager \(age)") == true, "\(finding.suggestion ?? "")")
    }

    @Test(arguments: [
        "Het besluit is van 3 maart 2026.",
        "Zij is in Utrecht geboren; het besluit kwam op 3 maart 2026.",  // near, but not an adult's year
        "Zij kreeg het besluit op 3-3-1999, lang na haar trouwdag.",  // an old date, but no keyword
        "De aanvrager (90) woont alleen.",
    ])
    func otherDatesAreNotDatesOfBirth(line: String) {
        let report = CaseCheck.check(Self.clean(inserting: line), today: Self.today)
        #expect(!report.findings.contains { $0.kind == .dateOfBirth }, "\(line)")
    }

    @Test func aChildsDateOfBirthRightAfterTheKeywordCounts() {
        let report = CaseCheck.check(Self.clean(inserting: "Haar kleinzoon is geboren op 1 mei 2019."), today: Self.today)
        #expect(report.findings.map(\.kind) == [.dateOfBirth])
        #expect(report.findings.first?.suggestion?.contains("(7)") == true)
    }

    // MARK: - Plain language

    @Test func jargonAdvisesWithAPlainAlternative() throws {
        let text = Self.clean(inserting: "Ingevolge de beschikking krijgt zij derhalve geen maatwerkvoorziening.")
        let report = CaseCheck.check(text)
        let jargon = report.findings.filter { $0.kind == .jargon }
        #expect(jargon.map(\.excerpt) == ["Ingevolge", "beschikking", "derhalve", "maatwerkvoorziening"])
        #expect(jargon.allSatisfy { !$0.blocking && $0.section == "Standpunt aanvrager" })
        #expect(jargon.allSatisfy { $0.line == Self.lineNumber(of: "Ingevolge", in: text) })
        let derhalve = try #require(jargon.first { $0.excerpt == "derhalve" })
        #expect(derhalve.suggestion == "schrijf 'daarom'")
        #expect(report.hasBlocking == false)
    }

    @Test func jargonMatchesWholeWordsAndCompounds() {
        func terms(_ line: String) -> [String] { CaseJargon.matches(in: line).map(\.1) }
        #expect(terms("Zij wil een aanvraag indienen. De zin is kort. Zij heeft een dochter.") == [])
        #expect(terms("Zorg in natura (ZIN) of een pgb's en twee beschikkingen.") == ["ZIN", "pgb's", "beschikkingen"])
        #expect(terms("de goedkoopst adequate oplossing, ook adequaat") == ["goedkoopst adequate", "adequaat"])
        #expect(
            terms("Wmo-maatwerkvoorzieningen, Algemene voorzieningen") == ["maatwerkvoorzieningen", "Algemene voorzieningen"])
    }

    @Test func jargonIsReportedOncePerSection() throws {
        let text = Self.clean(inserting: "De beschikking kwam laat. Een tweede beschikking kwam later.")
        let jargon = CaseCheck.check(text).findings.filter { $0.kind == .jargon }
        #expect(jargon.count == 1)
        #expect(jargon.first?.message.contains("2 keer") == true)
        #expect(CaseJargon.terms.count >= 40)
        #expect(CaseJargon.terms.allSatisfy { $0.suggestion.hasPrefix("schrijf ") })
    }

    @Test func longSentenceAdvisesWithItsLine() throws {
        let long = """
            Zij vertelt dat zij al heel lang in dit huis woont en dat haar kinderen hier zijn opgegroeid en \
            dat zij de buren goed kent en niet weg wil.
            """
        let text = Self.clean(inserting: long)
        let report = CaseCheck.check(text)
        let finding = try #require(report.findings.first { $0.kind == .longSentence })
        #expect(finding.line == Self.lineNumber(of: "Zij vertelt", in: text))
        #expect(finding.excerpt == long)
        #expect(finding.section == "Standpunt aanvrager")
        #expect(!finding.blocking)
        #expect(!report.hasBlocking)
    }

    @Test func hardSectionGetsAReadabilityFinding() throws {
        let hard = """
            Het college is van oordeel dat de gevraagde voorzieningen onvoldoende noodzakelijk en \
            onevenredig kostbaar zijn. De geïnventariseerde belemmeringen kunnen alternatief opgelost worden.
            """
        let text = Self.clean.replacingOccurrences(
            of: "De vrouw kan niet meer goed de trap op. Een traplift is duur. In de buurt staat een huis zonder trap.\n"
                + "Daar kan zij gaan wonen. Dat kost de gemeente minder geld.",
            with: hard)
        let report = CaseCheck.check(text)
        let score = try #require(report.readability["Standpunt gemeente"])
        #expect(score < CaseCheck.targetScore)
        let finding = try #require(report.findings.first { $0.kind == .readability })
        #expect(finding.section == "Standpunt gemeente")
        // The excerpt is the hardest sentence: fewer words, but longer ones.
        #expect(finding.excerpt == "De geïnventariseerde belemmeringen kunnen alternatief opgelost worden.")
        #expect(!finding.blocking)
        #expect(!report.hasBlocking)
        #expect(report.findings.allSatisfy { $0.kind == .readability })
    }

    // MARK: - Completeness

    @Test func questionWithoutQuestionMarkIsBlocking() throws {
        let text = Self.clean.replacingOccurrences(
            of: "Vindt u dat de gemeente de traplift moet betalen? Of moet de vrouw verhuizen?",
            with: "Geef aan of de gemeente de traplift moet betalen of dat de vrouw moet verhuizen.")
        let report = CaseCheck.check(text)
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.kind == .completeness)
        #expect(finding.section == "Vraag aan het panel")
        #expect(finding.line == Self.lineNumber(of: "# Vraag aan het panel", in: text))
        #expect(finding.message.contains("vraagteken"))
        #expect(report.hasBlocking)
    }

    @Test func tooShortSectionIsBlocking() throws {
        let text = Self.clean.replacingOccurrences(
            of: "De wet zegt dat de gemeente moet helpen. De gemeente mag de goedkope oplossing kiezen. Die moet dan wel goed\n"
                + "genoeg zijn voor de vrouw.",
            with: "De wet.")
        let finding = try #require(CaseCheck.check(text).findings.first)
        #expect(finding.kind == .completeness && finding.blocking)
        #expect(finding.section == "Kaders")
        #expect(finding.message.contains("te kort (2 woorden)"))
    }

    @Test func missingSectionsAreReportedWithoutCrashing() throws {
        let text = """
            ---
            title: Traplift
            domain: Wmo
            consent_reference: UTR-1
            ---
            # Besluit
            De gemeente zei nee tegen de traplift van een vrouw van 90 jaar. Zij woont al lang in haar huis.
            # Kaders
            """
        let report = CaseCheck.check(text)
        #expect(report.hasBlocking)
        let completeness = report.findings.filter { $0.kind == .completeness }
        #expect(
            Set(completeness.compactMap(\.section))
                == ["Standpunt gemeente", "Standpunt aanvrager", "Kaders", "Vraag aan het panel"])
        #expect(completeness.contains { $0.message == "De sectie `# Standpunt gemeente` ontbreekt." })
        #expect(completeness.contains { $0.message == "De sectie `# Kaders` is leeg." })
        #expect(completeness.allSatisfy { $0.blocking })
        #expect(report.readability.keys.sorted() == ["Besluit"])
    }

    @Test func brokenFilesGiveDutchCompletenessFindings() throws {
        let text = """
            Mevrouw vraagt een traplift.
            # Besluit
            Nee.
            # Overig
            Tekst.
            """
        let report = CaseCheck.check(text)
        let completeness = report.findings.filter { $0.kind == .completeness }
        #expect(completeness.contains { $0.message == "De kop met gegevens ontbreekt." && $0.line == nil })
        #expect(
            completeness.contains { $0.message == "Onbekende sectie `# Overig`." && $0.line == 4 && $0.excerpt == "# Overig" })
        #expect(completeness.contains { $0.message.hasPrefix("De sectie `# Besluit` is te kort") && $0.line == 2 })
        #expect(completeness.filter { $0.message.hasSuffix("ontbreekt.") }.count == 5)  // front matter + 4 sections
        #expect(report.findings.map { $0.line ?? 0 } == report.findings.map { $0.line ?? 0 }.sorted())
    }

    @Test func degenerateInputDoesNotCrash() {
        for text in ["", "\n\n", "---", "---\n---", "# Vraag aan het panel", "#", "\r\n# Besluit\r\nJa?\r\n"] {
            let report = CaseCheck.check(text)
            #expect(report.hasBlocking, "\(text.debugDescription)")
        }
    }

    @Test func everyParseProblemIsSaidInDutchOnItsLine() throws {
        let document = CaseDocument("")
        let problems: [CaseFileProblem] = [
            .frontMatterMissing, .frontMatterLine(line: 3, text: "x"), .fieldMissing("domain"), .fieldTooLong("title"),
            .sectionTwice(.framework, line: 9), .unknownSection("Over", line: 12), .textBeforeFirstSection(line: 5),
            .sectionMissing(.question), .sectionEmpty(.decision),
        ]
        for problem in problems {
            let finding = CaseCheck.finding(for: problem, document)
            #expect(finding.blocking && finding.line == problem.line, "\(problem)")
            for english in ["front matter", "section", "missing", "empty", "line", "appears"] {
                #expect(!finding.message.contains(english), "\(problem): \(finding.message)")
            }
        }
        #expect(CaseCheck.finding(for: .fieldMissing("domain"), document).message == "In de kop ontbreekt `domain:`.")
        // And the parser names its problems by kind, with their lines
        let text = "---\ntitle: T\nzonder dubbele punt\n---\n# Besluit\na\n# Besluit\nb\n"
        let error = try #require(throws: CaseFileError.self) { try CaseFile.parse(text) }
        #expect(error.problems.contains(.frontMatterLine(line: 3, text: "zonder dubbele punt")))
        #expect(error.problems.contains(.fieldMissing("domain")))
        #expect(error.problems.contains(.sectionTwice(.decision, line: 7)))
        #expect(error.problems.contains(.sectionMissing(.question)))
    }
}
