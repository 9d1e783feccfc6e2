import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A loopback SMTP server that stops talking (`scripts/smtp-staller.py`), for stall-timeout tests.
public final class SMTPStaller: Sendable {
    public enum Mode: String, Sendable {
        /// Accepts the connection and never greets.
        case greeting
        /// Greets, then never answers a command.
        case command
        /// Answers up to DATA (354), takes the message, never replies to the final ".".
        case data
    }

    public let port: Int
    public var url: String { "smtp://127.0.0.1:\(port)" }
    private let process: Process
    private let stdoutPipe: Pipe
    /// Set by the first `stop()`; held while it runs, so a second waits until the server is gone.
    private let stopped = Mutex(false)

    public init(mode: Mode, startupTimeout: Double = 10) throws {
        let script = SMTPCatcher.packageRoot().appendingPathComponent("scripts/smtp-staller.py").path
        guard FileManager.default.fileExists(atPath: script) else { throw SMTPCatcherError.scriptNotFound(script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, "--mode", mode.rawValue, "--port", "0"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SMTPCatcherError.launchFailed("\(error)")
        }
        let line = SMTPCatcher.readLine(from: stdout.fileHandleForReading, timeout: startupTimeout)
        guard let line, line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)), port > 0 else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            throw SMTPCatcherError.noPortLine("smtp-staller said \(line ?? "nothing")")
        }
        self.port = port
        self.process = process
        self.stdoutPipe = stdout
    }

    deinit { stop() }

    /// SIGTERM and wait. Safe to call more than once.
    public func stop() {
        stopped.withLock { stopped in
            guard !stopped else { return }
            stopped = true
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }
}
