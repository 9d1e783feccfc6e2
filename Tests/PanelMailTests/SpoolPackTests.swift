import Foundation
import Logging
import PanelCore
import PanelStore
import Testing

@testable import MailFormat
@testable import PanelMail

/// A render batch is one pack file; its messages are read, deferred, buried and erased by name, and the pack
/// goes when its last message is done with.
@Suite struct SpoolPackTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-pack-\(UUID().uuidString)")

    func spool() throws -> Spool {
        let spool = Spool(root: folder)
        try spool.prepare()
        return spool
    }

    func files(_ spool: Spool, _ folder: Spool.Folder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: spool.url(folder).path)) ?? []).sorted()
    }

    let messages: [(name: String, bytes: [UInt8])] = [
        ("1-case.eml", Array("From: a\r\n\r\nvoor Anna\r\n".utf8)),
        ("2-case.eml", Array("From: a\r\n\r\nvoor Bram, een langer bericht\r\n".utf8)),
        ("3-case.eml", []),
        ("4-case.eml", Array("From: a\r\n\r\nvoor Daan\r\n".utf8)),
    ]

    @Test func aBatchIsOneFileReadByNameAndGoneWithItsLastMessage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try spool()
        // When a batch is packed
        try spool.pack(messages)
        // Then it is one file, and each message reads back by name, also in another process
        #expect(files(spool, .outgoing) == ["1-case.eml.pack"])
        for process in [spool, Spool(root: folder)] {
            for message in messages { #expect(process.read(.outgoing, name: message.name) == message.bytes) }
            #expect(process.names(in: .outgoing) == messages.map(\.name))
            #expect(process.read(.outgoing, name: "5-case.eml") == nil)
        }
        // When messages are delivered one by one, the pack stays until the last
        for message in messages.dropLast() { spool.remove(.outgoing, name: message.name) }
        #expect(files(spool, .outgoing) == ["1-case.eml.pack"])
        #expect(spool.names(in: .outgoing) == ["4-case.eml"])
        spool.remove(.outgoing, name: "4-case.eml")
        #expect(files(spool, .outgoing).isEmpty && spool.names(in: .outgoing).isEmpty)
    }

    @Test func aDeferredMessageKeepsItsPackAndABuriedOneIsKeptApart() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try spool()
        try spool.pack(messages)
        // When one fails and the rest but one are delivered
        spool.bury("4-case.eml")
        spool.remove(.outgoing, name: "1-case.eml")
        spool.remove(.outgoing, name: "3-case.eml")
        // Then the failed one is a dead letter, and the deferred one still reads from its pack
        #expect(spool.read(.dead, name: "4-case.eml") == messages[3].bytes)
        #expect(files(spool, .outgoing) == ["1-case.eml.pack"] && spool.names(in: .outgoing) == ["2-case.eml"])
        #expect(spool.location("2-case.eml") == spool.url(.outgoing, "1-case.eml.pack").path)
        // When the pack is split (it outlived its pass), the message moves to a file of its own and the pack goes
        try spool.detach("2-case.eml")
        #expect(files(spool, .outgoing) == ["2-case.eml"])
        #expect(spool.read(.outgoing, name: "2-case.eml") == messages[1].bytes)
        #expect(spool.location("2-case.eml") == spool.url(.outgoing, "2-case.eml").path)
    }

    @Test func theSweepSplitsAPackThatOutlivedItsPass() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try publishedRound(in: folder, emails: ["p1@example.nl", "p2@example.nl"], start: Date() - 60)
        let spool = Spool(root: folder.appendingPathComponent("Queue"))
        try spool.prepare()
        let pending = try database.pendingMessages(limit: 10)
        try spool.pack(pending.map { ($0.spoolName, Array("mail \($0.id!)".utf8)) })
        try database.markQueued(pending.map { $0.id! }, now: Date())
        let sweeper = SpoolSweeper(database: database, spool: spool)
        // A young pack stays; one older than a day is split into files of their own
        #expect(try sweeper.sweep(now: Date()) == 0 && files(spool, .outgoing).count == 1)
        #expect(try sweeper.sweep(now: Date() + 2 * 86_400) == 0)
        #expect(files(spool, .outgoing) == pending.map(\.spoolName).sorted())
        for message in pending { #expect(spool.read(.outgoing, name: message.spoolName) == Array("mail \(message.id!)".utf8)) }
    }

    @Test func erasingAMessageLeavesNoCopyInItsPack() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try spool().pack(messages)
        // When another process (`panelist erase`) purges Bram's message while the others wait
        let other = Spool(root: folder)
        try other.purge("2-case.eml")
        // Then no file holds Bram's mail, and the others are still there, each in a file of its own
        for name in files(other, .outgoing) {
            let bytes = try #require(FileManager.default.contents(atPath: other.url(.outgoing, name).path))
            #expect(!String(decoding: bytes, as: UTF8.self).contains("Bram"), "\(name)")
        }
        #expect(files(other, .outgoing) == ["1-case.eml", "3-case.eml", "4-case.eml"])
        for index in [0, 2, 3] { #expect(other.read(.outgoing, name: messages[index].name) == messages[index].bytes) }
    }

    @Test func aTornPackIsNotRead() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try spool()
        let encoded = SpoolPack.encode(messages)
        // A pack cut short (written without the rename protocol by hand, or damaged) is ignored, not misread
        FileManager.default.createFile(
            atPath: spool.url(.outgoing, "1-case.eml.pack").path, contents: Data(encoded.prefix(encoded.count - 3)))
        #expect(spool.read(.outgoing, name: "1-case.eml") == nil)
        #expect(spool.names(in: .outgoing).isEmpty)
    }

    @Test func aRenderPassWritesOnePackPerBatchAndTheSweeperPurgesErasedMail() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let emails = (1...5).map { "p\($0)@example.nl" }
        let database = try publishedRound(in: folder, emails: emails, start: Date() - 60)
        let spool = Spool(root: folder.appendingPathComponent("Queue"))
        try spool.prepare()
        let composer = MessageComposer(
            templates: try MailTemplates(directories: [MessageComposerTests.shipped]),
            signer: TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 5, count: 32))]),
            settings: MailSettings(from: MailAddress("panel@tweedemening.example"), baseURL: "http://127.0.0.1:1"))
        let courier = Courier(
            database: database, spool: spool, composer: composer, smtp: SMTPSettings(url: "smtp://127.0.0.1:9"),
            logger: Logger(label: "test"))
        // When the pending mail is rendered
        #expect(try courier.renderPending(now: Date()) == 5)
        // Then it is one pack, every message readable by name
        #expect(files(spool, .outgoing).count == 1 && files(spool, .outgoing)[0].hasSuffix(".pack"))
        let queued = try database.messages()
        #expect(spool.names(in: .outgoing) == queued.map(\.spoolName).sorted())
        // When one is sent and one panelist is erased, the next tick's sweep removes both from the spool
        try database.markSent(queued[0].id!, code: 250, now: Date())
        let erased = try #require(queued[1].panelistId)
        _ = try database.erase(panelistId: erased, now: Date())
        let swept = try SpoolSweeper(database: database, spool: Spool(root: spool.root)).sweep()
        #expect(swept == 2)
        #expect(spool.names(in: .outgoing) == queued.dropFirst(2).map(\.spoolName).sorted())
        for name in files(spool, .outgoing) {
            let bytes = try #require(FileManager.default.contents(atPath: spool.url(.outgoing, name).path))
            #expect(!String(decoding: bytes, as: UTF8.self).contains(queued[1].toAddress), "\(name)")
        }
    }

    /// The renderer hands its messages to the delivery workers in memory, once each and never more than
    /// `RenderProgress.handLimit` bytes at a time: what does not fit is read from the spool.
    @Test func renderedMessagesAreHandedOverOnceAndWithinTheLimit() {
        let progress = RenderProgress()
        let size = RenderProgress.handLimit / 3
        let batch = (1...4).map { (name: "\($0)-case.eml", bytes: [UInt8](repeating: UInt8($0), count: size)) }
        progress.hand(batch)
        #expect(progress.take("1-case.eml") == batch[0].bytes)
        #expect(progress.take("1-case.eml") == nil, "once")
        #expect(progress.take("3-case.eml") == batch[2].bytes)
        #expect(progress.take("4-case.eml") == nil, "over the limit: read from the spool")
        // Taking frees room for the next batch.
        progress.hand([(name: "5-case.eml", bytes: [5, 5])])
        #expect(progress.take("5-case.eml") == [5, 5])
    }
}
