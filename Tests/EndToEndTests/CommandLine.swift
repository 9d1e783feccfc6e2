import Foundation
import Synchronization
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

extension TweedemeningBinary {
    /// Starts `serve` (by default the intake only) and returns once it answers `/healthz` on the port its environment
    /// names (`TWEEDEMENING_LISTEN`). A free port is found by binding and releasing it, so under `swift test --parallel`
    /// another test's daemon, or a client's outgoing connection, may take it before `serve` binds it: when `serve`
    /// stops on "Address already in use", it is started again on fresh ports (the intake's, and the metrics listener's
    /// if it has one). `ServeProcess.base` is where it listens; `ServeProcess.link(_:)` moves a link from mail sent
    /// before the start there.
    ///
    /// `meanwhile` runs once, right after the first start and before the wait: for a test of what runs beside a daemon
    /// that is still starting.
    func startServe(
        _ arguments: [String] = ["serve", "--intake-only"], attempts: Int = 5, meanwhile: () throws -> Void = {}
    ) async throws -> ServeProcess {
        let firstBase = environment["TWEEDEMENING_BASE_URL"] ?? ""
        var cli = self
        for attempt in 1...attempts {
            let serve = try ServeProcess(cli: cli, arguments: arguments, firstBase: firstBase)
            if attempt == 1 { try meanwhile() }
            if try await serve.waitUntilServing() { return serve }
            guard attempt < attempts else { break }
            cli = try cli.onFreshPorts()
        }
        throw TestFailure("serve found its port taken \(attempts) times in a row")
    }

    /// This binary with new free ports for the intake (and its base URL, when that is the intake's loopback address)
    /// and for the metrics listener, when it listens on loopback.
    func onFreshPorts() throws -> TweedemeningBinary {
        var cli = self
        let old = try Self.loopbackPort(environment["TWEEDEMENING_LISTEN"])
        let port = try freeLoopbackPort()
        cli.environment["TWEEDEMENING_LISTEN"] = "127.0.0.1:\(port)"
        if environment["TWEEDEMENING_BASE_URL"] == "http://127.0.0.1:\(old)" {
            cli.environment["TWEEDEMENING_BASE_URL"] = "http://127.0.0.1:\(port)"
        }
        if (try? Self.loopbackPort(environment["TWEEDEMENING_METRICS_LISTEN"])) != nil {
            cli.environment["TWEEDEMENING_METRICS_LISTEN"] = "127.0.0.1:\(try freeLoopbackPort())"
        }
        return cli
    }

    /// The port of `127.0.0.1:PORT`.
    static func loopbackPort(_ listen: String?) throws -> Int {
        guard let listen, listen.hasPrefix("127.0.0.1:"), let port = Int(listen.dropFirst("127.0.0.1:".count)) else {
            throw TestFailure("not a loopback listen address: \(listen ?? "(none)")")
        }
        return port
    }
}

/// A `serve` a test started with `startServe`. Its stdout and stderr are read while it runs (a pipe nobody reads fills
/// up, and the daemon stalls at its next log line); it is stopped by `stop()` or, at the latest, when the test lets go
/// of it.
final class ServeProcess: Sendable {
    /// The binary that started it, with the ports it listens on in its environment (ticks run with it render links
    /// to this daemon).
    let cli: TweedemeningBinary
    let process: Process
    let port: Int
    /// The metrics listener's port, when it has one on loopback.
    let metricsPort: Int?
    /// The base URL of links in mail rendered before `startServe` (by ticks of the test's own binary).
    let firstBase: String
    private let input: Pipe
    private let output = OutputBuffer()
    private let drained = DispatchGroup()

    /// `http://127.0.0.1:PORT`.
    var base: String { "http://127.0.0.1:\(port)" }

    /// What serve wrote to stderr so far.
    var stderr: String { output.text(stderr: true) }

    init(cli: TweedemeningBinary, arguments: [String], firstBase: String) throws {
        self.cli = cli
        self.firstBase = firstBase
        port = try TweedemeningBinary.loopbackPort(cli.environment["TWEEDEMENING_LISTEN"])
        metricsPort = try? TweedemeningBinary.loopbackPort(cli.environment["TWEEDEMENING_METRICS_LISTEN"])
        let (process, input, stdout, stderr) = try cli.start(arguments)
        self.process = process
        self.input = input
        for (pipe, isStderr) in [(stdout, false), (stderr, true)] {
            drained.enter()
            let handle = pipe.fileHandleForReading
            Thread { [output, drained] in
                while case let data = handle.availableData, !data.isEmpty { output.append(data, stderr: isStderr) }
                drained.leave()
            }.start()
        }
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// `link` (from mail) pointing at this daemon, when it pointed at the base URL of before the start.
    func link(_ link: String) -> String {
        guard !firstBase.isEmpty, firstBase != base, link.hasPrefix(firstBase) else { return link }
        return base + link.dropFirst(firstBase.count)
    }

    /// Waits until serve answers `/healthz` (after logging that it listens on its port, when it logs at info, so that
    /// another daemon that holds the port does not answer for it). False: serve stopped because the port was taken.
    /// The limit is generous on purpose: under `--parallel` on two cores, CPU-bound tests can keep this task from
    /// running for over a minute (a clean CI run saw 75 s), and a wall-clock limit counts that time too.
    func waitUntilServing(timeout: Duration = .seconds(240)) async throws -> Bool {
        let level = cli.environment["TWEEDEMENING_LOG_LEVEL"] ?? ProcessInfo.processInfo.environment["TWEEDEMENING_LOG_LEVEL"]
        let announces = level == nil || ["trace", "debug", "info"].contains(level!)
        let deadline = ContinuousClock.now + timeout
        // Looks once more after the deadline: a starved task may wake up only after it.
        var lastLook = false
        while !lastLook {
            lastLook = ContinuousClock.now >= deadline
            if !process.isRunning {
                let result = stop()
                if result.stderr.contains("Address already in use") { return false }
                throw TestFailure("serve exited with status \(result.status) before it answered /healthz: \(result.stderr)")
            }
            let listening =
                !announces
                || stderr.split(separator: "\n").contains { $0.hasSuffix("listening on 127.0.0.1:\(port)") }
            if listening, let (status, _) = try? await http("GET", "\(base)/healthz"), status == 200 { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        let result = stop()
        throw TestFailure("serve did not answer /healthz at \(base) within \(timeout): \(result.stderr)")
    }

    /// Stops serve (SIGTERM) and returns its exit status and everything it wrote. Safe to call more than once.
    @discardableResult
    func stop() -> TweedemeningBinary.Result {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        drained.wait()
        return TweedemeningBinary.Result(
            status: process.terminationStatus, stdout: output.text(stderr: false), stderr: output.text(stderr: true))
    }
}

/// Output of a child process, appended to by the threads that read its pipes.
final class OutputBuffer: Sendable {
    private let data = Mutex((stdout: Data(), stderr: Data()))

    func append(_ bytes: Data, stderr: Bool) {
        data.withLock { data in
            if stderr { data.stderr.append(bytes) } else { data.stdout.append(bytes) }
        }
    }

    func text(stderr: Bool) -> String {
        String(decoding: data.withLock { stderr ? $0.stderr : $0.stdout }, as: UTF8.self)
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

    /// `serve` for this root (see `TweedemeningBinary.startServe`): use its `base`, which may differ from `self.base`.
    func startServe(_ arguments: [String] = ["serve", "--intake-only"]) async throws -> ServeProcess {
        try await cli.startServe(arguments)
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
