import Foundation
import TestSupport
import Testing

/// Bounces with the real binary: every message leaves from its own VERP address, a Postfix report through the MTA
/// pipe suspends the panelist it is about, the moderator sees why and takes them back.
@Suite(.serialized) struct BounceEndToEndTests {
    static let panel = ["anna", "bram", "celine"]
    static let replyDomain = "reply.tweedemening.example"

    /// The Postfix "User unknown" report of the corpus, as if it were about `message`: sent back to its envelope
    /// sender, naming its recipient and Message-ID.
    static func postfixReport(about message: CaughtMessage) throws -> String {
        let corpus = SMTPCatcher.packageRoot().appendingPathComponent("Tests/Corpus/bounces/postfix-user-unknown.eml")
        let messageID = try #require(message.header("Message-ID"))
        return try String(contentsOf: corpus, encoding: .utf8)
            .replacingOccurrences(
                of: #"bounce\+[a-z0-9.]+@reply\.tdm\.example\.nl"#, with: message.mailFrom, options: .regularExpression
            )
            .replacingOccurrences(of: "jan.jansen@bewoners.example.nl", with: message.rcptTo)
            .replacingOccurrences(of: "<case.12.p4217@tdm.example.nl>", with: messageID)
    }

    @Test func aHardBounceStopsThePanelistsMailUntilTheModeratorResumesThem() throws {
        let e2e = try EndToEndRoot(
            "bounce",
            environment: [
                "TWEEDEMENING_REPLY_DOMAIN": Self.replyDomain,
                "TWEEDEMENING_FROM": "De Tweede Mening <panel@tweedemening.example>",
            ])
        defer { e2e.remove() }
        let (catcher, cli) = (e2e.catcher, e2e.cli)
        let (_, publish, voteAt, deadline) = try e2e.publishableCase(panel: Self.panel)

        // When the case is published
        try expectQuietTick(cli, at: publish.addingTimeInterval(1))

        // Then every message went out from its own signed bounce address on the reply domain
        let caseMail = catcher.waitForMessages(count: 3, timeout: 10)
        #expect(caseMail.count == 3)
        for message in caseMail {
            let local = message.mailFrom.split(separator: "@").first.map(String.init) ?? ""
            #expect(message.mailFrom.hasPrefix("bounce+") && message.mailFrom.hasSuffix("@\(Self.replyDomain)"))
            #expect(local.count <= 64 && local == local.lowercased(), "\(message.mailFrom)")
            // The reply address is another one: replies and bounces stay apart.
            #expect(message.header("Reply-To")?.contains("reply+") == true)
        }
        #expect(Set(caseMail.map(\.mailFrom)).count == 3)

        // When Bram's mail server reports that his address does not exist, through the MTA pipe
        let bram = try #require(caseMail.first { $0.rcptTo == "bram@bewoners.example" })
        let report = try Self.postfixReport(about: bram)
        try expectSuccess(cli.run(["inbound", "deliver", "--recipient", bram.mailFrom], stdin: report))

        // Then the moderator sees that Bram is suspended, since when and why
        let listed = try cli.run(["panel", "list", "--municipality", "utrecht"])
        expectSuccess(listed)
        let bramLine = try #require(listed.stdout.split(separator: "\n").first { $0.contains("bram@bewoners.example") })
        #expect(bramLine.contains("suspended 20") && bramLine.contains("hard bounce 5.1.1"), "\(bramLine)")
        #expect(bramLine.contains("User unknown") && !bramLine.contains("<bram@"), "\(bramLine)")
        let others = listed.stdout.split(separator: "\n").filter { !$0.contains("bram@") }
        #expect(others.count == 2 && others.allSatisfy { !$0.contains("suspended") })

        // And when voting opens, Bram gets no vote mail; the others do
        try expectQuietTick(cli, at: voteAt.addingTimeInterval(1))
        let afterVote = catcher.waitForMessages(count: 3 + 2, timeout: 10)
        let votes = afterVote.filter { $0.header("X-Tweedemening-Kind") == "vote" }
        #expect(Set(votes.map(\.rcptTo)) == ["anna@bewoners.example", "celine@bewoners.example"])
        #expect(!afterVote.dropFirst(3).contains { $0.rcptTo == "bram@bewoners.example" })

        // When the moderator has corrected the problem and takes Bram back
        try expectSuccess(cli.run(["panel", "resume", "--email", "BRAM@bewoners.example"]))
        let resumed = try cli.run(["panel", "list", "--municipality", "utrecht"])
        #expect(!resumed.stdout.contains("suspended"), "\(resumed.stdout)")
        // And a resume of nobody says so
        let nobody = try cli.run(["panel", "resume", "--email", "nobody@bewoners.example"])
        #expect(nobody.status == 65 && nobody.stderr.contains("no panelist"), "\(nobody)")
        #expect(try cli.run(["panel", "resume"]).status != 0)

        // Then the vote reminder reaches him again
        try expectQuietTick(cli, at: deadline.addingTimeInterval(-47 * 3_600))
        let reminded = catcher.waitForMessages(count: 5 + 3, timeout: 10)
            .filter { $0.header("X-Tweedemening-Kind") == "vote-reminder" }
        #expect(reminded.contains { $0.rcptTo == "bram@bewoners.example" }, "\(reminded.map(\.rcptTo))")
    }
}
