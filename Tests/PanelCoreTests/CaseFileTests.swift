import Foundation
import Testing

@testable import PanelCore

@Suite struct CaseFileTests {
    static let valid = """
        ---
        title: "Traplift voor mevrouw"
        domain: Wmo
        consent_reference: UTR-1
        ---
        # Besluit
        Afgewezen.
        # Standpunt gemeente
        Verhuizen is goedkoper.
        ## Details
        Twee woningen staan leeg.
        # Standpunt aanvrager
        Ze woont er 52 jaar.
        # Kaders
        Wmo 2015.
        # Vraag aan het panel
        Steunt u het besluit?
        """

    @Test func oneValueIsReadFromTheSameFrontMatterTheParserReads() throws {
        let file = "\n---\ntitle: \"Traplift\"\ngemeente: Ede\ndomain: Wmo\nconsent_reference: X\n---\n# Besluit\nNee.\n"
        #expect(CaseFile.frontMatterValue("gemeente", in: file) == "Ede")
        // Quotes go as the parser takes them off
        #expect(CaseFile.frontMatterValue("title", in: file) == "Traplift")
        // Text before the first `---` means no front matter, for both readers
        let late = "Beste moderator,\n" + file
        #expect(CaseFile.frontMatterValue("gemeente", in: late) == nil)
        let error = try #require(throws: CaseFileError.self) { try CaseFile.parse(late) }
        #expect(error.problems.contains(.frontMatterMissing))
        // And a key after the closing `---` is body text, not front matter
        #expect(CaseFile.frontMatterValue("nee", in: file + "nee: ja\n") == nil)
    }

    @Test func parsesFrontMatterAndSections() throws {
        let file = try CaseFile.parse(Self.valid)
        #expect(file.title == "Traplift voor mevrouw")
        #expect(file.domain == "Wmo")
        #expect(file.consentReference == "UTR-1")
        #expect(file[.municipalityView] == "Verhuizen is goedkoper.\n## Details\nTwee woningen staan leeg.")
        #expect(file[.question] == "Steunt u het besluit?")
    }

    @Test func namesEveryMissingPart() {
        let text = """
            ---
            title: Iets
            ---
            # Besluit
            Afgewezen.
            # Kaders

            # Wat vindt u
            Tekst.
            """
        do {
            _ = try CaseFile.parse(text)
            Issue.record("an incomplete case file was accepted")
        } catch {
            let message = error.description
            #expect(message.contains("`domain:`"))
            #expect(message.contains("`consent_reference:`"))
            #expect(message.contains("`# Standpunt gemeente` is missing"))
            #expect(message.contains("`# Standpunt aanvrager` is missing"))
            #expect(message.contains("`# Vraag aan het panel` is missing"))
            #expect(message.contains("`# Kaders` is empty"))
            #expect(message.contains("unknown section `# Wat vindt u`"))
        }
    }

    @Test func withoutFrontMatterSaysHowToStart() {
        #expect(throws: CaseFileError.self) { try CaseFile.parse("# Besluit\nx") }
        do { _ = try CaseFile.parse("# Besluit\nx") } catch { #expect(error.description.contains("front matter is missing")) }
    }

    /// Finding 10 of the outside test: a right-to-left override in a case reached every panelist.
    @Test func hiddenCharactersAreRemovedFromACase() throws {
        let text =
            "---\ntitle: Trap\u{202E}lift\ndomain: Wmo\nconsent_reference: X\n---\n# Besluit\na\u{1B}[2J\n# Standpunt gemeente\nb\n# Standpunt aanvrager\nc\n# Kaders\nd\n# Vraag aan het panel\ne\n"
        let file = try CaseFile.parse(text)
        #expect(file.title == "Traplift")
        #expect(file[.decision] == "a[2J")
    }
}
