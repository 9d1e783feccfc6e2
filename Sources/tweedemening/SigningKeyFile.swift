import Foundation
import PanelCore

/// `signing.key`: one key a line, `KID BASE64`, the first line signs. Mode 0600, or we refuse to start.
enum SigningKeyFile {
    static func create(at path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw CLIError.software("\(path) exists already") }
        try write([SigningKey.generate(id: "k1")], to: path)
    }

    /// Puts `key` first (it signs from now on) and keeps the others (they keep verifying).
    static func prepend(_ key: SigningKey, to path: String) throws {
        try write([key] + load(from: path).keys, to: path)
    }

    /// Replaces the file atomically with mode 0600.
    static func write(_ keys: [SigningKey], to path: String) throws {
        let text = keys.map { "\($0.id) \(Data($0.secret).base64EncodedString())" }.joined(separator: "\n") + "\n"
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError.software("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        let written = text.utf8CString.withUnsafeBufferPointer { Foundation.write(descriptor, $0.baseAddress, text.utf8.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == text.utf8.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CLIError.software("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func load(from path: String) throws -> TokenSigner {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CLIError.config("no signing key at \(path); run `tweedemening init` first")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw CLIError.config("\(path) is readable by others; fix it with: chmod 600 \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError.config("cannot read \(path)")
        }
        var keys: [SigningKey] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let secret = Data(base64Encoded: String(parts[1])), secret.count >= 32,
                !parts[0].contains(".")
            else {
                throw CLIError.config("\(path) line \(number + 1) is not `KID BASE64-KEY` with a key of at least 32 bytes")
            }
            keys.append(SigningKey(id: String(parts[0]), secret: [UInt8](secret)))
        }
        guard !keys.isEmpty else { throw CLIError.config("\(path) holds no key; delete it and run `tweedemening init`") }
        return TokenSigner(keys: keys)
    }
}
