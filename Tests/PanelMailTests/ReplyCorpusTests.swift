import Foundation
import PanelCore
import Testing

@testable import MailFormat
@testable import PanelMail

/// Whole messages as mail clients send them (HTML only, Windows-1252, base64, format=flowed,
/// ISO-8859-15), through the MIME parser and the reply trimmer: what the panelist wrote, nothing else.
@Suite struct ReplyCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Corpus/messages").standardizedFileURL

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.names.count >= 5)
    }

    @Test(arguments: names)
    func keepsExactlyWhatThePanelistWrote(name: String) throws {
        let raw = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("\(name).eml")))
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("\(name).expected.txt"), encoding: .utf8)
        let message = try InboundMessage.parse(raw)
        let reply = ReplyTrimmer.trim(message.text)
        #expect(reply == expected.trimmingCharacters(in: .newlines), "\(name):\n\(reply)")
    }
}
