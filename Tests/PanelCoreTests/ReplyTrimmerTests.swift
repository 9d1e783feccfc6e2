import Foundation
import Testing

@testable import PanelCore

@Suite struct ReplyTrimmerTests {
    // MARK: - Corpus

    /// `Tests/Corpus/replies`: `NAME.txt` is a decoded reply body, `NAME.expected.txt` the exact trimmed
    /// text (its one final newline, if any, is not part of the expected text; an empty file expects "").
    static let corpusDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../Corpus/replies")
        .standardizedFileURL

    static func corpusNames() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path)
        return files.filter { $0.hasSuffix(".txt") && !$0.hasSuffix(".expected.txt") }
            .map { String($0.dropLast(".txt".count)) }
            .sorted()
    }

    static func read(_ file: String) throws -> String {
        let data = try Data(contentsOf: corpusDirectory.appendingPathComponent(file))
        return String(decoding: data, as: UTF8.self)
    }

    @Test func corpusHasEnoughPairs() throws {
        let names = try Self.corpusNames()
        #expect(names.count >= 24, "only \(names.count) corpus replies in \(Self.corpusDirectory.path)")
        for name in names {
            #expect(
                FileManager.default.fileExists(
                    atPath: Self.corpusDirectory.appendingPathComponent("\(name).expected.txt").path),
                "\(name).txt has no \(name).expected.txt")
        }
    }

    @Test func everyCorpusReplyTrimsToItsExpectedText() throws {
        let names = try Self.corpusNames()
        #expect(!names.isEmpty)
        for name in names {
            let body = try Self.read("\(name).txt")
            var expected = try Self.read("\(name).expected.txt")
            if expected.hasSuffix("\n") { expected.removeLast() }
            let trimmed = ReplyTrimmer.trim(body)
            #expect(trimmed == expected, "corpus \(name).txt:\n--- got ---\n\(trimmed)\n--- expected ---\n\(expected)")
        }
    }

    @Test func trimmingIsIdempotentOnTheCorpus() throws {
        for name in try Self.corpusNames() {
            let once = ReplyTrimmer.trim(try Self.read("\(name).txt"))
            #expect(ReplyTrimmer.trim(once) == once, "corpus \(name).txt")
        }
    }

    // MARK: - Attribution lines

    @Test func mentionOfSchreefMidSentenceIsKept() {
        let body = "Mijn buurvrouw schreef me dat ze het ook niet snapt.\nZe schreef: het is oneerlijk."
        #expect(ReplyTrimmer.trim(body) == body)
    }

    @Test func opLineWithoutDateOrAddressIsKept() {
        let body = "Ik ben tegen.\n\nOp zaterdag schreef mijn dochter het volgende:\nlaat oma thuis wonen."
        #expect(ReplyTrimmer.trim(body) == body)
    }

    @Test func ownSentenceShapedLikeAnAttributionIsKept() {
        // A date but no address or time, and no `>` lines after it: the panelist quoting a letter.
        let quoting = "Ik ben tegen.\nOp 3 maart 2026 schreef de gemeente:\n'verhuizen is goedkoper'. Kortzichtig."
        #expect(ReplyTrimmer.trim(quoting) == quoting)
        // No writing verb.
        let meeting = "Op 12 maart 2026 om 14:00 is er een bijeenkomst:\nkomt u ook?"
        #expect(ReplyTrimmer.trim(meeting) == meeting)
    }

    @Test func nameAndAddressSchreefAboveQuotesIsRemoved() {
        #expect(ReplyTrimmer.trim("Eens\n\nDe Tweede Mening <r+1@panel.detweedemening.nl> schreef:\n> x") == "Eens")
    }

    @Test func gmailAttributionWrappedOverTwoLinesIsRemoved() {
        let body = """
            Eens.

            Op di 3 mrt 2026 om 09:02 schreef De Tweede Mening
            <r+1@panel.detweedemening.nl>:

            > Steunt u het besluit?
            """
        #expect(ReplyTrimmer.trim(body) == "Eens.")
    }

    @Test func attributionWithoutQuotesStartsTheHistory() {
        let body = """
            Tegen.

            On Tue, Mar 3, 2026 at 9:02 AM De Tweede Mening <r+1@panel.detweedemening.nl> wrote:
            Beste panellid,
            Steunt u het besluit?
            """
        #expect(ReplyTrimmer.trim(body) == "Tegen.")
    }

    @Test func attributionNamingAddressFirstIsRemoved() {
        let body = """
            Voor.

            De Tweede Mening <r+1@panel.detweedemening.nl> schreef op 3-3-2026 09:02:
            > Steunt u het besluit?
            """
        #expect(ReplyTrimmer.trim(body) == "Voor.")
    }

    // MARK: - Quotes

    @Test func bottomPostKeepsTextAfterTheQuote() {
        let body = """
            Op di 3 mrt 2026 om 09:02 schreef De Tweede Mening <r+1@panel.detweedemening.nl>:
            > Steunt u het besluit?
            >
            > Met vriendelijke groet,
            > De Tweede Mening

            Ja, ik steun het.
            """
        #expect(ReplyTrimmer.trim(body) == "Ja, ik steun het.")
    }

    @Test func interleavedAnswersAreKeptAndQuotesDropped() {
        let body = "> Vraag 1?\nAntwoord 1.\n> Vraag 2?\n>\n\n\nAntwoord 2.\n> Groet"
        #expect(ReplyTrimmer.trim(body) == "Antwoord 1.\n\nAntwoord 2.")
    }

    @Test func onlyQuotedHistoryGivesEmpty() {
        #expect(ReplyTrimmer.trim("> Steunt u het besluit?\n>\n> Groet") == "")
        #expect(ReplyTrimmer.trim("") == "")
        #expect(ReplyTrimmer.trim("\n \n\u{00A0}\n") == "")
    }

    // MARK: - History blocks and signatures

    @Test func outlookHeaderBlockStartsTheHistory() {
        let body = """
            Tegen het besluit.

            From: De Tweede Mening <r+1@panel.detweedemening.nl>
            Sent: Tuesday, March 3, 2026 9:02 AM
            To: someone@example.nl
            Subject: Nieuwe casus
            Beste panellid,
            """
        #expect(ReplyTrimmer.trim(body) == "Tegen het besluit.")
    }

    @Test func boldHeaderBlockWithBlankLinesStartsTheHistory() {
        let body =
            "Voor.\n\n**Van:** De Tweede Mening\n\n**Verzonden:** dinsdag\n\n**Aan:** x@example.nl\n\n**Onderwerp:** Casus\n\nTekst"
        #expect(ReplyTrimmer.trim(body) == "Voor.")
    }

    @Test func singleHeaderLikeLineInOwnTextIsKept() {
        let body = "Onderwerp: de traplift.\nVan: mij mag ze blijven wonen.\nGroet, Jan"
        #expect(ReplyTrimmer.trim(body) == body)
    }

    @Test func separatorsStartTheHistory() {
        for separator in [
            "-----Oorspronkelijk bericht-----", "-----Original Message-----", "----- Oorspronkelijk bericht -----",
            "---------- Doorgestuurd bericht ---------", "---------- Forwarded message ---------",
            "Begin forwarded message:", "Begin doorgestuurd bericht:", "________________________________",
        ] {
            #expect(ReplyTrimmer.trim("Eens.\n\n\(separator)\nGeschiedenis") == "Eens.", "\(separator)")
        }
    }

    @Test func signatureDelimiterEndsTheReply() {
        #expect(ReplyTrimmer.trim("Eens.\n-- \nJan\n06-12345678") == "Eens.")
        #expect(ReplyTrimmer.trim("Eens.\n--\nJan") == "Eens.")
        // A dash inside a sentence or a longer rule is text.
        #expect(ReplyTrimmer.trim("Eens -- heel erg.\n---\nJan") == "Eens -- heel erg.\n---\nJan")
    }

    @Test func mobileFootersAreDropped() {
        for footer in [
            "Verzonden vanaf mijn iPhone", "Verstuurd vanaf mijn iPhone", "Verzonden vanuit Outlook voor iOS",
            "Verzonden vanuit Outlook voor Android", "Sent from my iPad", "Sent from my Samsung Galaxy smartphone.",
            "Get Outlook for Android", "Get Outlook for iOS<https://aka.ms/o0ukef>",
            "Verzonden met de Mail-app voor Windows", "Outlook voor Android downloaden",
            "Verzonden vanaf mijn Samsung Galaxy-smartphone.",
        ] {
            #expect(ReplyTrimmer.trim("Tegen.\n\n\(footer)\n") == "Tegen.", "\(footer)")
        }
    }

    @Test func dutchSignOffIsKept() {
        let body = "Ik ben voor.\n\nMet vriendelijke groet,\nJan de Vries"
        #expect(ReplyTrimmer.trim(body) == body)
    }

    @Test func argumentReferencesAreKept() {
        let body = "#12 Ik ben het eens\n#3 Niet mee eens"
        #expect(ReplyTrimmer.trim(body) == body)
    }

    // MARK: - Never lose the panelist's words

    @Test func textOnlyUnderASignatureLineIsKept() {
        #expect(ReplyTrimmer.trim("-- \nIk steun het besluit niet.\n") == "Ik steun het besluit niet.")
    }

    @Test func footerOnlyGivesEmpty() {
        #expect(ReplyTrimmer.trim("\nVerzonden vanaf mijn iPhone\n") == "")
    }

    // MARK: - Layout

    @Test func blankLinesAreTrimmedAndCollapsed() {
        #expect(ReplyTrimmer.trim("\n\n  \nA  \n\n\n\nB\t\n\n") == "A\n\nB")
        #expect(ReplyTrimmer.trim("A\r\n\r\n\r\nB\r\n") == "A\n\nB")
    }

    @Test func indentationOfOwnLinesIsKept() {
        #expect(ReplyTrimmer.trim("Mijn punten:\n  - buren\n  - kosten") == "Mijn punten:\n  - buren\n  - kosten")
    }
}
