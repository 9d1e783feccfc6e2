import Foundation
import TestSupport
import Testing

/// Runs the real `tweedemening` binary, as cron or a moderator would.
struct TweedemeningBinary {
    let url: URL
    let root: URL
    var environment: [String: String]
    /// Arguments before the command, e.g. a global `--root DIR`; when set, no `--root` is appended.
    var leadingArguments: [String] = []

    /// The binary built beside this test bundle (`swift build --build-tests` builds both), or TWEEDEMENING_BIN.
    static func locate() throws -> URL {
        if let explicit = ProcessInfo.processInfo.environment["TWEEDEMENING_BIN"] { return URL(fileURLWithPath: explicit) }
        var candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tweedemening")
        ]
        candidates.append(SMTPCatcher.packageRoot().appendingPathComponent(".build/debug/tweedemening"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw TestFailure(
                "tweedemening binary not found (looked at \(candidates.map(\.path))); run `swift build --build-tests` first")
        }
        return found
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let process = try start(arguments)
        return try finish(process, stdin: stdin)
    }

    func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe, Pipe) {
        let process = Process()
        process.executableURL = url
        process.arguments = leadingArguments.isEmpty ? arguments + ["--root", root.path] : leadingArguments + arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        env["TWEEDEMENING_TEMPLATES"] = SMTPCatcher.packageRoot().appendingPathComponent("MailTemplates").path
        // The timelines here follow the real clock, whatever the hour the tests run at.
        env["TWEEDEMENING_SENDING_WINDOW"] = env["TWEEDEMENING_SENDING_WINDOW"] ?? "always"
        // Many daemons run at once here: no metrics listener on the default port unless a test asks for one.
        env["TWEEDEMENING_METRICS_LISTEN"] = env["TWEEDEMENING_METRICS_LISTEN"] ?? "off"
        // The tests' links point at loopback; a test of the refusal itself sets it to "0".
        env["TWEEDEMENING_ALLOW_INSECURE_BASE_URL"] = env["TWEEDEMENING_ALLOW_INSECURE_BASE_URL"] ?? "1"
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return (process, input, output, error)
    }

    func finish(_ started: (Process, Pipe, Pipe, Pipe), stdin: String? = nil) throws -> Result {
        let (process, input, output, error) = started
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}

/// The authserv-id our test MTA writes its Authentication-Results under; `init` leaves it commented out.
let ourAuthservID = "mx.tweedemening.example"

/// Sets `inbound.authserv_id` in the configuration `init` wrote under `root`, as an operator with a DKIM/SPF
/// milter does: only then does mail count as authenticated (a case, the municipality's answers and follow-ups).
func trustOurMTA(root: URL) throws {
    let config = root.appendingPathComponent("tweedemening.toml")
    let text = try String(contentsOf: config, encoding: .utf8)
    let commented = "# authserv_id = \"\(ourAuthservID)\""
    guard text.contains(commented) else { throw TestFailure("no commented authserv_id in \(config.path)") }
    try text.replacingOccurrences(of: commented, with: "authserv_id = \"\(ourAuthservID)\"")
        .write(to: config, atomically: true, encoding: .utf8)
}

/// The header our MTA adds to the municipality's mail when DKIM and DMARC pass for `domain`.
func ourMTAVouches(for domain: String) -> String {
    "Authentication-Results: \(ourAuthservID); dkim=pass header.d=\(domain); dmarc=pass header.from=\(domain)"
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A free TCP port on loopback (bound, then released for the daemon to take).
func freeLoopbackPort() throws -> Int { try SMTPSink.freePort() }

extension CaughtMessage {
    /// The decoded text/plain part (quoted-printable undone, and format=flowed undone as a mail client does: the
    /// lines of a paragraph joined), where the vote links are.
    var plainText: String {
        let raw = self.raw.replacingOccurrences(of: "\r\n", with: "\n")
        guard let start = raw.range(of: "Content-Type: text/plain") else { return "" }
        let isFlowed = raw[start.upperBound...].prefix { $0 != "\n" }.contains("format=flowed")
        let afterHeaders = raw[start.upperBound...].range(of: "\n\n").map { raw[$0.upperBound...] } ?? ""
        // The part ends at our boundary ("--=_tm_…"). Not at any "\n--": after a soft line break, a quoted-printable
        // line may start with "--" (two dashes of a base64url token), and cutting there truncated a link now and
        // then — the cause of two flaky CI runs. QP output never holds "=_" ("=" is always "=3D"), so this is exact.
        let body = afterHeaders.components(separatedBy: "\n--=_").first ?? ""
        let encoded = Array(body.replacingOccurrences(of: "=\n", with: "").utf8)
        var bytes: [UInt8] = []
        var i = 0
        while i < encoded.count {
            if encoded[i] == UInt8(ascii: "="), i + 2 < encoded.count,
                let byte = UInt8(String(decoding: encoded[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                i += 3
            } else {
                bytes.append(encoded[i])
                i += 1
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return isFlowed ? Self.unflowed(text) : text
    }

    /// RFC 3676 §4.2 (DelSp=no): a line ending in a space (other than the signature separator "-- ") continues on
    /// the next; a leading space is stuffing. Written here, apart from the program's encoder, as a reader would.
    static func unflowed(_ text: String) -> String {
        var lines: [String] = []
        var open = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.first == " " ? String(rawLine.dropFirst()) : String(rawLine)
            if open { lines[lines.count - 1] += line } else { lines.append(line) }
            open = line != "-- " && line.hasSuffix(" ")
        }
        return lines.joined(separator: "\n")
    }

    /// Every http(s) link of the text part, in order.
    var links: [String] {
        plainText.split(whereSeparator: { $0 == "\n" || $0 == " " }).map(String.init).filter {
            $0.hasPrefix("http://") || $0.hasPrefix("https://")
        }
    }
}

/// What every end-to-end test starts from: a fresh root folder, an SMTP catcher on loopback, a free intake port,
/// and the binary pointed at them. Call `remove()` in a `defer`.
struct EndToEndRoot {
    let catcher: SMTPCatcher
    let root: URL
    let port: Int
    let cli: TweedemeningBinary
    var base: String { "http://127.0.0.1:\(port)" }

    /// `environment` adds to (or overrides) the SMTP URL, base URL and listen address.
    init(_ name: String, catcherAuth: String? = nil, environment: [String: String] = [:]) throws {
        catcher = try SMTPCatcher(auth: catcherAuth)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-\(name)-\(UUID().uuidString)")
        port = try freeLoopbackPort()
        var settings = [
            "TWEEDEMENING_SMTP_URL": catcher.url, "TWEEDEMENING_BASE_URL": "http://127.0.0.1:\(port)",
            "TWEEDEMENING_LISTEN": "127.0.0.1:\(port)",
        ]
        settings.merge(environment) { $1 }
        cli = TweedemeningBinary(url: try TweedemeningBinary.locate(), root: root, environment: settings)
    }

    func remove() {
        catcher.stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// `init`, the municipality `utrecht`, a panel `NAME@bewoners.example` named after each, and the example case
    /// approved to publish a minute ago, vote in 7 days and close in 10. Returns the case id and its dates.
    func publishableCase(panel: [String], configure: (String) -> String = { $0 }) throws -> (
        caseId: String, publish: Date, voteAt: Date, deadline: Date
    ) {
        try expectSuccess(cli.run(["init"]))
        let config = root.appendingPathComponent("tweedemening.toml")
        try configure(try String(contentsOf: config, encoding: .utf8)).write(to: config, atomically: true, encoding: .utf8)
        try expectSuccess(
            cli.run(["municipality", "add", "--id", "utrecht", "--name", "Gemeente Utrecht", "--email", "wmo@utrecht.example"]))
        let csv = root.appendingPathComponent("panel.csv")
        try (["email,name"] + panel.map { "\($0)@bewoners.example,\($0.capitalized)" }).joined(separator: "\n")
            .write(to: csv, atomically: true, encoding: .utf8)
        try expectSuccess(cli.run(["panel", "import", "--municipality", "utrecht", csv.path]))
        let caseFile = SMTPCatcher.packageRoot().appendingPathComponent("examples/case-traplift.md").path
        let caseId =
            try cli.run(["case", "submit", "--municipality", "utrecht", caseFile]).stdout
            .split(separator: "\n").last.map(String.init) ?? ""
        let now = Date()
        let publish = now.addingTimeInterval(-60)
        let voteAt = now.addingTimeInterval(7 * 86_400)
        let deadline = now.addingTimeInterval(10 * 86_400)
        try expectSuccess(
            cli.run([
                "case", "approve", caseId, "--publish-at", iso(publish), "--vote-at", iso(voteAt), "--deadline", iso(deadline),
            ]))
        return (caseId, publish, voteAt, deadline)
    }
}
