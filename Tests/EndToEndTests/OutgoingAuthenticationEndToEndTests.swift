import Foundation
import TestSupport
import Testing

/// Issue 15 against the real binary: `keys dkim`, every message signed as it leaves (dkimpy verifies), the Date of
/// the hand-off, and the refusal of a base URL that would put useless or unencrypted links in mail.
@Suite struct OutgoingAuthenticationEndToEndTests {
    @Test func anInsecureOrLoopbackBaseURLIsRefusedAtStartWithTheFix() throws {
        let setup = try EndToEndRoot("baseurl")
        defer { setup.remove() }
        try expectSuccess(setup.cli.run(["init"]))
        func tick(baseURL: String, allow: String) throws -> TweedemeningBinary.Result {
            var cli = setup.cli
            cli.environment["TWEEDEMENING_BASE_URL"] = baseURL
            cli.environment["TWEEDEMENING_ALLOW_INSECURE_BASE_URL"] = allow
            return try cli.run(["tick"])
        }
        // Loopback without the demo switch: exit 78, saying why and how to fix it
        let loopback = try tick(baseURL: setup.base, allow: "0")
        #expect(loopback.status == 78)
        #expect(loopback.stderr.contains("loopback") && loopback.stderr.contains("TWEEDEMENING_ALLOW_INSECURE_BASE_URL=1"))
        #expect(loopback.stderr.contains("http.base_url"))
        // Plain http to a public name: refused even with the switch
        let plain = try tick(baseURL: "http://stem.tweedemening.example", allow: "1")
        #expect(plain.status == 78 && plain.stderr.contains("plain http"))
        // https loopback needs the switch too; a public https address needs nothing
        #expect(try tick(baseURL: "https://localhost:8443", allow: "0").status == 78)
        expectSuccess(try tick(baseURL: "https://stem.tweedemening.example", allow: "0"))
        // And loopback with the switch (demo and tests) runs
        expectSuccess(try tick(baseURL: setup.base, allow: "1"))
    }

    @Test func aDeploymentWithoutADkimKeySaysSoEveryRunAndInitSaysWhatToEdit() throws {
        let setup = try EndToEndRoot("nodkim")
        defer { setup.remove() }
        // A fresh init outside a demo stops at the loopback base URL of the file it wrote, and says to edit it
        var fresh = setup.cli
        fresh.environment["TWEEDEMENING_BASE_URL"] = nil
        fresh.environment["TWEEDEMENING_ALLOW_INSECURE_BASE_URL"] = "0"
        let first = try fresh.run(["init"])
        #expect(first.status == 78 && first.stderr.contains("was written with the defaults"), "\(first)")
        #expect(first.stderr.contains("run `tweedemening init --root \(setup.root.path)` again"))
        // A public https base URL and no key in dkim/: tick still runs, but warns on stderr (cron mails it)
        var cli = setup.cli
        cli.environment["TWEEDEMENING_BASE_URL"] = "https://stem.tweedemening.example"
        cli.environment["TWEEDEMENING_ALLOW_INSECURE_BASE_URL"] = "0"
        try expectSuccess(cli.run(["init"]))
        let unsigned = try cli.run(["tick"])
        #expect(unsigned.status == 0 && unsigned.stderr.contains("no DKIM key") && unsigned.stderr.contains("keys dkim"))
        // With a key: quiet again
        try expectSuccess(cli.run(["keys", "dkim", "--selector", "t1", "--domain", "tweedemening.example"]))
        let signed = try cli.run(["tick"])
        #expect(signed.status == 0 && signed.stderr.isEmpty, "\(signed)")
    }

    @Test func keysDkimSignsEveryMessageAsItLeavesAndRotationKeepsTheOldSelector() throws {
        let setup = try EndToEndRoot("dkim")
        defer { setup.remove() }
        let (cli, catcher, root) = (setup.cli, setup.catcher, setup.root)
        let (_, publish, voteAt, _) = try setup.publishableCase(panel: ["anna", "bert"])
        // When the moderator creates keys: two records printed, the key files private
        let created = try cli.run(["keys", "dkim", "--selector", "2026a"])
        expectSuccess(created)
        let records = created.stdout.split(separator: "\n").map(String.init)
        #expect(records.count == 2)
        #expect(records[0].hasPrefix("2026a-rsa._domainkey.tweedemening.example. IN TXT ( \"v=DKIM1; k=rsa; p="))
        #expect(records[1].hasPrefix("2026a-ed25519._domainkey.tweedemening.example. IN TXT ( \"v=DKIM1; k=ed25519; p="))
        let folder = root.appendingPathComponent("dkim/tweedemening.example")
        for file in ["2026a-rsa.pem", "2026a-ed25519.key"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
        // The same selector twice, or a selector that is no DNS label, is refused
        #expect(try cli.run(["keys", "dkim", "--selector", "2026a"]).status != 0)
        let bad = try cli.run(["keys", "dkim", "--selector", "Jan_2026"])
        #expect(bad.status != 0 && bad.stderr.contains("DNS label"))

        // And a round is published: the mail leaves signed, dated when it left (not the step's simulated time)
        let before = Date()
        try expectQuietTick(cli, at: publish.addingTimeInterval(1))
        let mail = catcher.waitForMessages(count: 2, timeout: 10)
        #expect(mail.count == 2)
        let verified = try dkimpy(mail.map(\.messageData), records: records, in: root)
        #expect(verified == Array(repeating: ["rsa-sha256": true, "ed25519-sha256": true], count: 2))
        for message in mail {
            let date = try #require(message.header("Date").flatMap(Self.rfc5322))
            #expect(date >= before.addingTimeInterval(-1) && date <= Date().addingTimeInterval(1), "\(date)")
        }

        // Rotation: a second selector signs beside the first until the first is removed
        let rotated = try cli.run(["keys", "dkim", "--selector", "2026b"])
        expectSuccess(rotated)
        let listed = try cli.run(["keys", "dkim", "--list"]).stdout.split(separator: "\n").map(String.init)
        #expect(listed.count == 4)
        try expectQuietTick(cli, at: voteAt.addingTimeInterval(1))
        let votes = catcher.waitForMessages(count: 4, timeout: 10).filter { $0.header("X-Tweedemening-Kind") == "vote" }
        #expect(votes.count == 2)
        let rotating = try dkimpy(votes.map(\.messageData), records: listed, in: root)
        // Four signatures a message (two selectors, two algorithms each), all valid
        #expect(rotating.allSatisfy { $0.count == 2 && $0.values.allSatisfy { $0 } })
        for message in votes {
            let raw = String(decoding: message.messageData, as: UTF8.self)
            #expect(raw.components(separatedBy: "DKIM-Signature:").count == 5)
            #expect(raw.contains("s=2026a-rsa;") && raw.contains("s=2026b-ed25519;"))
        }
        expectSuccess(try cli.run(["keys", "dkim", "--remove", "2026a"]))
        #expect(try cli.run(["keys", "dkim", "--list"]).stdout.split(separator: "\n").count == 2)
        #expect(try cli.run(["keys", "dkim", "--remove", "2026a"]).status != 0)

        // A key others can read is refused, with the command that fixes it
        let key = folder.appendingPathComponent("2026b-rsa.pem").path
        chmod(key, 0o644)
        let refused = try cli.run(["tick", "--now", iso(publish.addingTimeInterval(60))])
        #expect(refused.status == 78 && refused.stderr.contains("chmod 600 \(key)"))
    }

    static func rfc5322(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.date(from: text)
    }

    /// Per message, per algorithm: did dkimpy verify every signature of it (`scripts/dkim-verify.py`).
    /// Per message: whether every signature of each algorithm verifies (two selectors sign during a rotation).
    func dkimpy(_ messages: [Data], records: [String], in folder: URL) throws -> [[String: Bool]] {
        try DKIMVerifier.verify(messages, records: records, in: folder).map { signatures in
            var result: [String: Bool] = [:]
            for signature in signatures {
                result[signature.algorithm] = (result[signature.algorithm] ?? true) && signature.verified
            }
            return result
        }
    }
}
