import Foundation
import Testing

@testable import MailFormat
@testable import PanelMail

/// The flowed text part (RFC 3676): wrapped at 72 columns, and a reader that un-flows gets the paragraphs back.
@Suite struct FormatFlowedTests {
    static let url = "https://stem.tweedemening.nl/u/v1.k1.dTo0Mjo3OjoxODAwMDAwMDAw.Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4"
    static let paragraphs = [
        "Beste Anna de Vries,",
        "",
        "Gemeente Utrecht legt een besluit aan het panel voor. Wij vragen uw mening: steunt u het besluit van de "
            + "gemeente, of niet? Lees hieronder de casus. De aanvrager heeft toestemming gegeven om de casus zonder "
            + "naam aan u voor te leggen.",
        "- Een traplift is een dure voorziening; verhuizen is volgens de Wmo de goedkoopst adequate oplossing als er "
            + "een geschikte woning beschikbaar is.",
        "Afmelden voor het panel: \(url)",
        "Stemmen: \(url) of antwoord met VOOR.",
        "> Dit begint met een groter-dan-teken en moet geen citaat worden, ook niet na het afbreken van deze regel.",
        "From Utrecht kwam dit bericht, en een regel die zo begint wordt anders door sommige servers veranderd.",
        "   Drie spaties vooraan blijven staan.",
        "Een woord dat nooit past: " + String(repeating: "x", count: 90) + " en dan gewoon verder met de zin.",
        "Twee  spaties  tussen  woorden  blijven  twee  spaties,  ook  waar  de  regel  wordt  afgebroken  hier.",
        "",
        "-- ",
        "Per e-mail kan ook: stuur AFMELDEN, PAUZE of MIJN GEGEVENS naar reply+k1.abcdefghijklmnopqrstuvwxyz234567@reply.tweedemening.example",
    ]

    /// ASCII lines are cut on bytes, others on characters: the same text with "e" or "é" must be cut alike.
    @Test func accentedLettersAreCutWhereTheirPlainLettersAre() {
        var generator = SystemRandomNumberGenerator()
        let words = ["de", "gemeente", "besluit", "een", "traplift", "verhuizen", Self.url, "x", "mevrouw", "heel"]
        for _ in 0..<200 {
            let line = (0..<Int.random(in: 5...60, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "  ")
            let plain = FormatFlowed.flow(line)
            let accented = FormatFlowed.flow(line.replacingOccurrences(of: "e", with: "é"))
            #expect(plain.split(separator: "\n").map(\.count) == accented.split(separator: "\n").map(\.count), "\(line)")
            #expect(accented.replacingOccurrences(of: "é", with: "e") == plain)
        }
    }

    /// Lines are found on bytes: CRLF, a lone CR and a lone LF end a line alike, and an empty last line stays.
    @Test func everyLineEndConventionGivesTheSameParagraphs() {
        let text = Self.paragraphs.joined(separator: "\n") + "\n"
        let expected = FormatFlowed.flow(text)
        #expect(expected.hasSuffix("\n"))
        #expect(FormatFlowed.flow(text.replacingOccurrences(of: "\n", with: "\r\n")) == expected)
        #expect(FormatFlowed.flow(text.replacingOccurrences(of: "\n", with: "\r")) == expected)
        #expect(FormatFlowed.flow("") == "")
        #expect(FormatFlowed.flow("a\r\n\r\nb\rc") == "a\n\nb\nc")
    }

    @Test func unflowingGivesBackEveryParagraph() {
        let text = Self.paragraphs.joined(separator: "\n")
        let flowed = FormatFlowed.flow(text)
        #expect(flowed != text)  // something was wrapped
        #expect(FormatFlowed.unflow(flowed, deleteSpace: false) == text)
    }

    @Test func linesStayWithin72ColumnsExceptForAnUnbreakableWord() {
        let flowed = FormatFlowed.flow(Self.paragraphs.joined(separator: "\n"))
        for line in flowed.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(separator: " ")
            if line.count > 73 {  // 72, plus one for space-stuffing
                #expect(words.count == 1, "\(line)")
            }
            #expect(line.count <= 78 || words.count == 1, "\(line)")
        }
        // The URL is never cut.
        #expect(flowed.contains(Self.url))
    }

    @Test func softBreaksEndInASpaceAndHardBreaksDoNot() {
        let flowed = FormatFlowed.flow(
            "Dit is een lange zin die zeker langer is dan tweeënzeventig tekens, zodat hij wordt afgebroken.\nKort.")
        let lines = flowed.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasSuffix(" ") && lines[0].count <= 72)
        #expect(!lines[1].hasSuffix(" ") && lines[2] == "Kort.")
    }

    @Test func stuffsLinesThatAReaderWouldTakeForQuotesOrThatServersChange() {
        let flowed = FormatFlowed.flow("> geen citaat\nFrom de gemeente\n begint met een spatie\nFromage")
        #expect(flowed == " > geen citaat\n From de gemeente\n  begint met een spatie\nFromage")
    }

    @Test func trailingSpacesOfTheTextAreNotSoftBreaksButTheSignatureSeparatorStays() {
        let flowed = FormatFlowed.flow("Een regel met spaties   \nvolgende\n-- \nvoet")
        #expect(flowed == "Een regel met spaties\nvolgende\n-- \nvoet")
        #expect(FormatFlowed.unflow(flowed, deleteSpace: false) == "Een regel met spaties\nvolgende\n-- \nvoet")
    }

    @Test func aFlowedMessageIsLabelledAndParsesBackToItsText() throws {
        let text = Self.paragraphs.joined(separator: "\n")
        let message = OutgoingMessage(
            from: MailAddress("panel@tweedemening.example"), to: MailAddress("anna@example.nl"), subject: "Casus",
            messageID: "flowed.1@tweedemening.example", date: Date(timeIntervalSince1970: 1_800_000_000), text: text,
            flowed: true, html: "<p>x</p>")
        let raw = String(decoding: message.rendered(), as: UTF8.self)
        #expect(raw.contains("Content-Type: text/plain; charset=utf-8; format=flowed\r\n"))
        let parsed = try InboundMessage.parse(message.rendered())
        #expect(parsed.text == text.trimmingCharacters(in: .whitespacesAndNewlines))
        // Unflowed messages are unchanged.
        var plain = message
        plain.flowed = false
        #expect(String(decoding: plain.rendered(), as: UTF8.self).contains("Content-Type: text/plain; charset=utf-8\r\n"))
    }
}
