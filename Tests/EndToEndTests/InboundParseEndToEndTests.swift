import Foundation
import Testing

/// `tweedemening inbound parse --json` with the real binary, on mail as pipes and foreign mailers hand it over.
@Suite struct InboundParseEndToEndTests {
    /// The fields the JSON has always had; scripts read them, so none may go or change name.
    static let fields: Set<String> = [
        "attachments", "auto_submitted", "bounce", "from", "from_name", "in_reply_to", "message_id", "reply", "subject",
        "text", "text_from_html", "to",
    ]

    static func parse(_ raw: String) throws -> (status: Int32, json: [String: Any]?, stderr: String) {
        let cli = TweedemeningBinary(
            url: try TweedemeningBinary.locate(), root: FileManager.default.temporaryDirectory, environment: [:],
            leadingArguments: ["inbound", "parse", "--json"])
        let result = try cli.run([], stdin: raw)
        let json = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result.status, json, result.stderr)
    }

    @Test func aMessageAfterEmptyLinesAndAnMboxLineIsRead() throws {
        // Given a message that a pipe handed over with an empty line and an mbox envelope line before the header
        let raw = """

            From sender@example.com Sat Mar  3 17:21:00 2026
            From: =?koi8-r?B?6dfBzg==?= <ivan@example.ru>
            To: reactie+c17p9@tweedemening.example
            Subject: Re: Uw mening
            Message-ID: <pipe-1@example.ru>

            Ik stem ja.
            """

        // When `inbound parse --json` reads it
        let result = try Self.parse(raw)

        // Then it exits 0 with the usual fields, and the KOI8-R name decoded
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(result.json)
        #expect(Set(json.keys) == Self.fields)
        #expect(json["from"] as? String == "ivan@example.ru")
        #expect(json["from_name"] as? String == "Иван")
        #expect(json["subject"] as? String == "Re: Uw mening")
        #expect(json["message_id"] as? String == "pipe-1@example.ru")
        #expect(json["text"] as? String == "Ik stem ja.")
    }

    @Test func textWithoutHeaderIsStillRefused() throws {
        // Given text that is not a mail message
        // When `inbound parse --json` reads it
        let result = try Self.parse("\nHallo,\n\nIk stem ja.\n")

        // Then it exits 65 (EX_DATAERR) and says why
        #expect(result.status == 65)
        #expect(result.stderr.contains("no header fields"))
    }
}
