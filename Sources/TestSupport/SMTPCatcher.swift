import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One message as stored by `scripts/smtp-catcher.py` (one file per recipient).
public struct CaughtMessage: Sendable, Equatable {
    /// File name in the Maildir's `new/`.
    public let fileName: String
    /// The stored bytes: the catcher's `X-Catcher-*` headers (Mail-From, Rcpt-To, Peer), then the message exactly as received (after un-dot-stuffing).
    public let data: Data
    /// `data` decoded as UTF-8 (invalid sequences repaired).
    public let raw: String
    /// Envelope sender without angle brackets ("" for the null sender).
    public let mailFrom: String
    /// Envelope recipient without angle brackets.
    public let rcptTo: String
    /// The client's address and port as the catcher saw it ("127.0.0.1:54321"): equal for messages sent over one connection.
    public var peer: String? { header("X-Catcher-Peer") }

    public init(fileName: String, data: Data) {
        self.fileName = fileName
        self.data = data
        self.raw = String(decoding: data, as: UTF8.self)
        let text = self.raw
        self.mailFrom = Self.stripBrackets(Self.header("X-Catcher-Mail-From", in: text) ?? "")
        self.rcptTo = Self.stripBrackets(Self.header("X-Catcher-Rcpt-To", in: text) ?? "")
    }

    /// The stored message without the catcher's leading `X-Catcher-*` header lines: the bytes the client sent.
    public var messageData: Data {
        var rest = data[...]
        while true {
            guard let lf = rest.firstIndex(of: 0x0A) else { break }
            let line = rest[rest.startIndex..<lf]
            guard line.starts(with: Array("X-Catcher-".utf8)) else { break }
            rest = rest[(lf + 1)...]
        }
        return Data(rest)
    }

    /// The first header field called `name` (case-insensitive), unfolded and trimmed; nil if absent.
    public func header(_ name: String) -> String? {
        Self.header(name, in: raw)
    }

    /// The body: everything after the first empty line.
    public var body: String {
        if let range = raw.range(of: "\r\n\r\n") { return String(raw[range.upperBound...]) }
        if let range = raw.range(of: "\n\n") { return String(raw[range.upperBound...]) }
        return ""
    }

    static func header(_ name: String, in raw: String) -> String? {
        let wanted = name.lowercased()
        var found: String?
        // Character-wise, "\r\n" is a single newline Character, so split on isNewline.
        for line in raw.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.isEmpty { break }  // end of the header section
            if line.first == " " || line.first == "\t" {
                if found != nil { found! += " " + line.trimmingCharacters(in: .whitespaces) }
                continue
            }
            if found != nil { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == wanted {
                found = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return found
    }

    private static func stripBrackets(_ s: String) -> String {
        if s.hasPrefix("<") && s.hasSuffix(">") && s.count >= 2 { return String(s.dropFirst().dropLast()) }
        return s
    }
}

public enum SMTPCatcherError: Error, CustomStringConvertible {
    case scriptNotFound(String)
    case launchFailed(String)
    case aiosmtpdMissing(String)
    case noPortLine(String)
    /// No `openssl` executable to make the throwaway TLS certificate with.
    case opensslMissing
    /// `openssl req` failed (its output).
    case certificateFailed(String)

    public var description: String {
        switch self {
        case .scriptNotFound(let path):
            return "smtp-catcher script not found at \(path)"
        case .launchFailed(let why):
            return "could not launch smtp-catcher: \(why)"
        case .aiosmtpdMissing(let stderr):
            return "smtp-catcher needs aiosmtpd for /usr/bin/python3 (apt-get install python3-aiosmtpd): \(stderr)"
        case .noPortLine(let why):
            return "smtp-catcher did not report its port: \(why)"
        case .opensslMissing:
            return "SMTPCatcher(tls:) needs the openssl command line tool to make a test certificate "
                + "(apt-get install openssl); not found in PATH, /usr/bin or /usr/local/bin"
        case .certificateFailed(let output):
            return "openssl could not make the test certificate: \(output)"
        }
    }
}

/// A loopback SMTP server for tests: runs `scripts/smtp-catcher.py` as a subprocess that stores every
/// accepted message in a temporary Maildir. Recipients whose local part contains `defer` get 451 and
/// `reject` get 550 at RCPT.
///
/// With `tls`, the catcher serves a throwaway self-signed certificate for `127.0.0.1` / `localhost`
/// (made with the `openssl` CLI): `.startTLS` offers and requires STARTTLS on `smtp://` (every
/// command but EHLO/HELO/NOOP/QUIT/STARTTLS before it gets 530; AUTH only after it), `.implicit` speaks TLS from the
/// first byte and `url` is `smtps://`.
public final class SMTPCatcher: Sendable {
    /// How the catcher does TLS.
    public enum TLSMode: Sendable {
        /// `smtp://`: STARTTLS offered and required before MAIL/RCPT/DATA/AUTH.
        case startTLS
        /// `smtps://`: TLS from the first byte.
        case implicit
    }

    public let port: Int
    /// The temporary Maildir (deleted by `stop()`).
    public let directory: URL
    public let tls: TLSMode?
    /// The self-signed PEM certificate the catcher serves (in `directory`), nil without TLS.
    public let certificate: URL?
    /// `smtps://127.0.0.1:PORT` for implicit TLS, else `smtp://127.0.0.1:PORT`.
    public var url: String { "\(tls == .implicit ? "smtps" : "smtp")://127.0.0.1:\(port)" }

    private let process: Process
    /// Kept open for the child's lifetime so it never gets SIGPIPE on stdout.
    private let stdoutPipe: Pipe
    /// Set by the first `stop()`; held while it runs, so a second waits until the server is gone.
    private let stopped = Mutex(false)

    /// The package root: the nearest directory above `file` that contains Package.swift.
    public static func packageRoot(file: String = #filePath) -> URL {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                return dir
            }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Starts the catcher. `auth` ("USER:PASS") makes it require AUTH PLAIN/LOGIN; `tls` turns on TLS
    /// with a fresh self-signed certificate (needs the `openssl` CLI).
    /// `scriptPath` defaults to `<package root>/scripts/smtp-catcher.py`.
    public init(auth: String? = nil, tls: TLSMode? = nil, scriptPath: String? = nil, startupTimeout: Double = 10) throws {
        let script =
            scriptPath
            ?? Self.packageRoot().appendingPathComponent("scripts/smtp-catcher.py").path
        guard FileManager.default.fileExists(atPath: script) else { throw SMTPCatcherError.scriptNotFound(script) }

        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("smtp-catcher-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)

        var arguments = [script, "--dir", dir.path, "--host", "127.0.0.1", "--port", "0"]
        if let auth { arguments += ["--auth", auth] }
        var certificate: URL?
        if let tls {
            let cert = dir.appendingPathComponent("cert.pem")
            let key = dir.appendingPathComponent("key.pem")
            do {
                try Self.makeSelfSignedCertificate(cert: cert, key: key, in: dir)
            } catch {
                try? FileManager.default.removeItem(at: dir)
                throw error
            }
            certificate = cert
            arguments += [
                "--tls-cert", cert.path, "--tls-key", key.path,
                "--tls-mode", tls == .implicit ? "implicit" : "starttls",
            ]
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        // stderr goes to a file next to the Maildir folders, so a chatty child can never block on a full pipe.
        let stderrURL = dir.appendingPathComponent("catcher.stderr")
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: dir)
            throw SMTPCatcherError.launchFailed("\(error)")
        }

        let line = Self.readLine(from: stdout.fileHandleForReading, timeout: startupTimeout)
        guard let line, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)), port > 0 else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            let err = String(decoding: FileManager.default.contents(atPath: stderrURL.path) ?? Data(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try? FileManager.default.removeItem(at: dir)
            if err.contains("aiosmtpd") || err.contains("No module named") {
                throw SMTPCatcherError.aiosmtpdMissing(err)
            }
            throw SMTPCatcherError.noPortLine(
                "got \(line.map { "\"\($0)\"" } ?? "nothing") within \(startupTimeout)s; "
                    + "exit status \(process.terminationStatus); stderr: \(err)")
        }
        self.port = port
        self.directory = dir
        self.tls = tls
        self.certificate = certificate
        self.process = process
        self.stdoutPipe = stdout
    }

    deinit {
        stop()
    }

    /// Stored messages, sorted by file name (= arrival order).
    public func messages() -> [CaughtMessage] {
        let new = directory.appendingPathComponent("new", isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: new.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: new.appendingPathComponent(name).path) else {
                return nil
            }
            return CaughtMessage(fileName: name, data: data)
        }
    }

    /// Polls until at least `count` messages are stored or `timeout` seconds pass; returns what is there.
    public func waitForMessages(count: Int, timeout: Double) -> [CaughtMessage] {
        poll(count: count, timeout: timeout, every: 0.02, messages)
    }

    /// SIGTERM, wait for exit, delete the Maildir. Safe to call more than once.
    public func stop() {
        stopped.withLock { stopped in
            guard !stopped else { return }
            stopped = true
            if process.isRunning {
                process.terminate()  // SIGTERM
                let deadline = Date().addingTimeInterval(5)
                while process.isRunning && Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.02)
                }
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                }
            }
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// Writes a throwaway self-signed certificate for 127.0.0.1/localhost (valid one day) and its
    /// unencrypted key with `openssl req`.
    private static func makeSelfSignedCertificate(cert: URL, key: URL, in dir: URL) throws {
        let searchPath =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/bin"]
        guard
            let openssl = searchPath.lazy.map({ URL(fileURLWithPath: $0).appendingPathComponent("openssl").path })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw SMTPCatcherError.opensslMissing }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", key.path, "-out", cert.path,
        ]
        // Output to a file, not a pipe, so openssl can never block on a full pipe.
        let logURL = dir.appendingPathComponent("openssl.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        defer { try? log.close() }
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SMTPCatcherError.certificateFailed("could not run \(openssl): \(error)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            FileManager.default.fileExists(atPath: cert.path), FileManager.default.fileExists(atPath: key.path)
        else {
            let output = String(decoding: FileManager.default.contents(atPath: logURL.path) ?? Data(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw SMTPCatcherError.certificateFailed("exit status \(process.terminationStatus): \(output)")
        }
    }

    /// Reads one line from `handle`, giving up after `timeout` seconds. Blocking read on a helper thread.
    static func readLine(from handle: FileHandle, timeout: Double) -> String? {
        let line = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // Capturing `handle` keeps the descriptor open until this thread is done with it.
            let fd = handle.fileDescriptor
            var bytes: [UInt8] = []
            var byte: UInt8 = 0
            while read(fd, &byte, 1) == 1 {
                if byte == 0x0A { break }
                bytes.append(byte)
            }
            line.withLock { $0 = bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return line.withLock { $0 }
    }
}

/// Reads `read()` until it returns at least `count` items or `timeout` seconds pass; returns the last reading.
func poll<Item>(count: Int, timeout: Double, every interval: Double, _ read: () -> [Item]) -> [Item] {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        let found = read()
        if found.count >= count || Date() >= deadline { return found }
        Thread.sleep(forTimeInterval: interval)
    }
}
