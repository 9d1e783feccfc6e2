import Foundation
import PanelCore

/// `signing.key`: one key a line, `KID BASE64`, the first line signs. Mode 0600, or we refuse to start.
enum SigningKeyFile {
    static func create(at path: String) throws {
        let key = SigningKey.generate(id: "k1")
        let line = "\(key.id) \(Data(key.secret).base64EncodedString())\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError.software("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let written = line.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, line.utf8.count) }
        guard written == line.utf8.count, fsync(descriptor) == 0 else {
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
