import Foundation

/// The independent DKIM check of the tests: `scripts/dkim-verify.py` (dkimpy) on messages, against the TXT records
/// the program printed (no DNS). No dkimpy is a failure, not a skip: `scripts/setup.sh` installs it.
public enum DKIMVerifier {
    public struct Signature: Sendable, Equatable {
        /// `a=`: rsa-sha256 or ed25519-sha256.
        public var algorithm: String
        /// `h=`: the signed header fields.
        public var headers: String
        public var verified: Bool
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Per message, its signatures as dkimpy reads them. Files go to `folder`.
    public static func verify(_ messages: [Data], records: [String], in folder: URL) throws -> [[Signature]] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let recordFile = folder.appendingPathComponent("dkim-records.txt")
        try records.joined(separator: "\n").write(to: recordFile, atomically: true, encoding: .utf8)
        var paths: [String] = []
        for (index, message) in messages.enumerated() {
            let file = folder.appendingPathComponent("dkim-\(index).eml")
            try message.write(to: file)
            paths.append(file.path)
        }
        let script = SMTPCatcher.packageRoot().appendingPathComponent("scripts/dkim-verify.py").path
        let (status, output, errors) = try ChildProcess.run("/usr/bin/python3", [script, recordFile.path] + paths)
        guard status == 0 else { throw Failure(description: "dkim-verify.py failed (run scripts/setup.sh): \(errors)") }
        return try String(decoding: output, as: UTF8.self).split(separator: "\n").map { line in
            guard let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let signatures = json["signatures"] as? [[String: Any]]
            else { throw Failure(description: "dkim-verify.py wrote something else than a result: \(line)") }
            return signatures.map {
                Signature(
                    algorithm: $0["a"] as? String ?? "", headers: $0["h"] as? String ?? "", verified: $0["ok"] as? Bool ?? false)
            }
        }
    }
}

/// A program run to its end by a test.
public enum ChildProcess {
    /// Runs a program to its end; stdout and stderr are drained at the same time, so neither pipe can fill and stall it.
    public static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, Data, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return (process.terminationStatus, data, String(decoding: errorData, as: UTF8.self))
    }
}
