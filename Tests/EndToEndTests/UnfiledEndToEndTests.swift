import Foundation
import Testing

/// Inbound mail set aside after failing to be filed, through the commands a moderator uses: `queue status` names it
/// and why, `inbound refile` files it again.
@Suite struct UnfiledEndToEndTests {
    @Test func queueStatusNamesUnfiledMailAndRefileFilesIt() throws {
        let env = try EndToEndRoot("unfiled")
        defer { env.remove() }
        try expectSuccess(env.cli.run(["init"]))
        // Given a message the mailroom set aside (as after five failed passes)
        let unfiled = env.root.appendingPathComponent("Queue/unfiled")
        try FileManager.default.createDirectory(at: unfiled, withIntermediateDirectories: true)
        let name = "1796400000.000000-1-1.eml"
        try
            "From: iemand@example.nl\r\nTo: onbekend@tweedemening.example\r\nSubject: hallo\r\nMessage-ID: <u@example.nl>\r\n\r\nHallo.\r\n"
            .write(to: unfiled.appendingPathComponent(name), atomically: true, encoding: .utf8)
        try "5 attempts to file it failed; the last: database is locked\n"
            .write(to: unfiled.appendingPathComponent(name + ".why"), atomically: true, encoding: .utf8)

        // When the moderator asks for the queue's status
        let status = try env.cli.run(["queue", "status"])

        // Then it counts the message, names its file and why, and says how to file it again
        expectSuccess(status)
        #expect(status.stdout.contains("unfiled   1"))
        #expect(status.stdout.contains("Queue/unfiled/\(name): 5 attempts to file it failed; the last: database is locked"))
        #expect(status.stdout.contains("tweedemening inbound refile \(name)"))

        // When a name that is not there is given, it says so and files nothing
        let wrong = try env.cli.run(["inbound", "refile", "nope.eml"])
        #expect(wrong.status == 64 && wrong.stderr.contains("nope.eml is not in Queue/unfiled/"), "\(wrong)")
        #expect(try env.cli.run(["inbound", "refile"]).status == 64)

        // When it is filed again
        let refile = try env.cli.run(["inbound", "refile", name])

        // Then it is filed (here: mail for nobody we wrote to) and gone from unfiled/, its note too
        expectSuccess(refile)
        #expect(refile.stdout.contains("\(name): filed as unknown-recipient"), "\(refile)")
        let left = try FileManager.default.contentsOfDirectory(atPath: unfiled.path)
        #expect(left.isEmpty, "\(left)")
        #expect(try env.cli.run(["queue", "status"]).stdout.contains("unfiled   0"))
    }
}
