import Foundation
import Testing

/// `tweedemening.toml` through the real binary: a bad value stops the program (exit 78) naming its key and what is
/// allowed, never quietly replaced; the environment overrides the file, the file the defaults.
@Suite struct ConfigurationEndToEndTests {
    func root(_ name: String) throws -> (EndToEndRoot, URL) {
        let setup = try EndToEndRoot(name)
        try expectSuccess(setup.cli.run(["init"]))
        return (setup, setup.root.appendingPathComponent("tweedemening.toml"))
    }

    /// Sets `line` (`key = value`) in `section`: replaces the key's line when the file has one there, else adds it.
    func setting(_ file: URL, _ line: String, under section: String) throws {
        let key = String(line.prefix { $0 != " " && $0 != "=" })
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        var current = ""
        for index in lines.indices {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") { current = trimmed }
            if current == "[\(section)]", trimmed.hasPrefix(key + " ") || trimmed.hasPrefix(key + "=") {
                lines[index] = line
                try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
                return
            }
        }
        if let header = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "[\(section)]" }) {
            lines.insert(line, at: header + 1)
        } else {
            lines += ["[\(section)]", line]
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    @Test(arguments: [
        ("verdict", "quorum = 0", "verdict.quorum = 0 is out of range: give a value from 1 to"),
        ("privacy", "retention_days = 7", "privacy.retention_days = 7 is out of range: give a value from 30 to 3650"),
        ("discussion", "extension_days = 90", "discussion.extension_days = 90 is out of range: give a value from 1 to 30"),
        ("http", "header_timeout_seconds = 0", "http.header_timeout_seconds = 0 is out of range"),
        ("serve", "tick_interval_seconds = 0", "serve.tick_interval_seconds = 0 is out of range"),
    ])
    func aBadValueStopsTheProgramNamingItsKey(section: String, line: String, message: String) throws {
        let (setup, file) = try root("config-\(section)")
        defer { setup.remove() }
        try setting(file, line, under: section)
        let result = try setup.cli.run(["tick"])
        #expect(result.status == 78, "\(result)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func theEnvironmentOverridesTheFileAndTheFileTheDefault() throws {
        let (setup, file) = try root("config-precedence")
        defer { setup.remove() }
        var cli = setup.cli
        cli.environment["TWEEDEMENING_BASE_URL"] = nil
        // The file's base URL counts over the default: a plain-http one stops the program
        try setting(file, "base_url = \"http://stem.tweedemening.example\"", under: "http")
        let fromFile = try cli.run(["tick"])
        #expect(
            fromFile.status == 78 && fromFile.stderr.contains("`http://stem.tweedemening.example` is plain http"), "\(fromFile)")
        // A good one in the environment wins over the file's
        cli.environment["TWEEDEMENING_BASE_URL"] = "https://stem.tweedemening.example"
        expectSuccess(try cli.run(["tick"]))
        // And with a good file, a bad one in the environment is the one reported
        try setting(file, "base_url = \"https://stem.tweedemening.example\"", under: "http")
        expectSuccess(try cli.run(["tick"]))
        cli.environment["TWEEDEMENING_BASE_URL"] = "http://env.tweedemening.example"
        let fromEnvironment = try cli.run(["tick"])
        #expect(
            fromEnvironment.status == 78 && fromEnvironment.stderr.contains("`http://env.tweedemening.example` is plain http"),
            "\(fromEnvironment)")
    }
}
