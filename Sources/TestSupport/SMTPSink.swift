import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Postfix's `smtp-sink` on a free loopback port, dumping every completed mail transaction to a file of
/// its own, so tests can count what arrived. `options` are passed through: `-Q .` answers 421 and
/// disconnects after each message's final dot, `-q .` disconnects without a reply, `-f RCPT` rejects
/// recipients with 5xx, `-r RCPT` with 4xx (see `man smtp-sink`).
public final class SMTPSink: Sendable {
    public let port: Int
    /// Where the dump files go (deleted by `stop()`).
    public let directory: URL
    public var url: String { "smtp://127.0.0.1:\(port)" }
    private let process: Process
    /// Set by the first `stop()`; held while it runs, so a second waits until the server is gone.
    private let stopped = Mutex(false)

    public static let executable = ["/usr/sbin/smtp-sink", "/usr/bin/smtp-sink"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    public init(options: [String] = [], startupTimeout: Double = 10) throws {
        guard let executable = Self.executable else {
            throw SMTPCatcherError.launchFailed("smtp-sink not found: apt-get install postfix (scripts/setup.sh)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        // As root smtp-sink runs as nobody, who must be able to write the dumps.
        try FileManager.default.createDirectory(
            at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        let port = try Self.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        var arguments = getuid() == 0 ? ["-u", "nobody"] : []
        arguments += ["-d", dir.path + "/%H%M%S."] + options + ["127.0.0.1:\(port)", "64"]
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: dir)
            throw SMTPCatcherError.launchFailed("\(error)")
        }
        let deadline = Date().addingTimeInterval(startupTimeout)
        while !Self.accepts(port: port) {
            guard process.isRunning, Date() < deadline else {
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
                try? FileManager.default.removeItem(at: dir)
                throw SMTPCatcherError.launchFailed("smtp-sink \(arguments.joined(separator: " ")) did not listen")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        self.port = port
        self.directory = dir
        self.process = process
    }

    deinit { stop() }

    /// One dump file per completed mail transaction (the message as received, after smtp-sink's
    /// `X-Client-Addr`, `X-Mail-Args`, `X-Rcpt-Args` and `Received` lines).
    public func dumps() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
                .map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The envelope recipient of every dumped transaction, without angle brackets.
    public func recipients() -> [String] {
        dumps().flatMap { dump in
            dump.split(whereSeparator: \.isNewline).prefix { !$0.isEmpty }
                .filter { $0.hasPrefix("X-Rcpt-Args: ") }
                .map { line in
                    String(line.dropFirst("X-Rcpt-Args: ".count)).trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
                }
        }
    }

    /// Polls until at least `count` transactions are dumped or `timeout` seconds pass.
    public func waitForRecipients(count: Int, timeout: Double) -> [String] {
        poll(count: count, timeout: timeout, every: 0.05, recipients)
    }

    /// SIGKILL, wait, delete the dumps. Safe to call more than once.
    public func stop() {
        stopped.withLock { stopped in
            guard !stopped else { return }
            stopped = true
            // SIGKILL: a test runner's threads block SIGTERM and the child inherits the mask; the sink keeps nothing.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// A port on loopback that was free a moment ago (the kernel's pick for port 0, bound and released): for a test to
    /// hand to a daemon. The one helper for it (the end-to-end tests use it too).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SMTPCatcherError.launchFailed("socket: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw SMTPCatcherError.launchFailed("bind: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port` (the probe connection is closed at once).
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        } == 0
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
