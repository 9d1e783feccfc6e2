import Foundation
import PanelCore
import Testing

@testable import MailFormat
@testable import PanelMail

/// Replies as twenty languages' mail clients write them (Tests/Corpus/clients, FORMAT.md there), through the MIME
/// parser and the reply trimmer. The `tune` part must come out exactly; the `aside` part is held out (measured by
/// scripts/eval/replies.sh, never tuned on) and not asserted here.
@Suite struct ClientCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Corpus/clients/tune").standardizedFileURL

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.names.count >= 150)
    }

    @Test(arguments: names)
    func keepsExactlyWhatTheResidentWrote(name: String) throws {
        let raw = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("\(name).eml")))
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("\(name).expected.txt"), encoding: .utf8)
        let message = try InboundMessage.parse(raw)
        let reply = ReplyTrimmer.trim(message.text)
        #expect(reply == expected.trimmingCharacters(in: .newlines), "\(name):\n\(reply)")
    }
}
