import Foundation
import MailFormat
import PanelMail

/// The DKIM keys in `{root}/dkim/{domain}/`: `{selector}-rsa.pem` (RSA 2048, PKCS#8) and `{selector}-ed25519.key`
/// (base64 Ed25519 seed), each published as its own selector (`S-rsa._domainkey.D`, `S-ed25519._domainkey.D`): one
/// TXT record per name, as verifiers expect. Every key present signs, so after a rotation the old selector keeps
/// signing until `keys dkim --remove`. Mode 0600, or we refuse to use them, like `signing.key`.
enum DKIMKeyFiles {
    static let suffixes: [(suffix: String, algorithm: DKIMKey.Algorithm)] = [
        ("-rsa.pem", .rsaSHA256), ("-ed25519.key", .ed25519SHA256),
    ]

    static func directory(root: URL) -> URL { root.appendingPathComponent("dkim", isDirectory: true) }

    /// Every key, sorted by domain and selector; none when the folder does not exist.
    static func load(root: URL) throws -> [DKIMKey] {
        let base = directory(root: root)
        let manager = FileManager.default
        guard let domains = try? manager.contentsOfDirectory(atPath: base.path) else { return [] }
        var keys: [DKIMKey] = []
        for domain in domains.sorted() where !domain.hasPrefix(".") {
            let folder = base.appendingPathComponent(domain, isDirectory: true)
            guard let files = try? manager.contentsOfDirectory(atPath: folder.path) else { continue }
            for file in files.sorted() {
                guard let match = suffixes.first(where: { file.hasSuffix($0.suffix) }) else { continue }
                let path = folder.appendingPathComponent(file).path
                var info = stat()
                guard stat(path, &info) == 0 else { throw CLIError.config("cannot read \(path)") }
                guard info.st_mode & 0o077 == 0 else {
                    throw CLIError.config("\(path) is readable by others; fix it with: chmod 600 \(path)")
                }
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw CLIError.config("cannot read \(path)")
                }
                // The published selector is the file name without its extension: `S-rsa`, `S-ed25519`.
                let selector = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                do {
                    keys.append(try DKIMKey(domain: domain, selector: selector, algorithm: match.algorithm, fileContents: text))
                } catch {
                    throw CLIError.config(
                        "\(path) is \(error.description); remove it with `tweedemening keys dkim --remove` and create a new one")
                }
            }
        }
        return keys
    }

    /// The signer of outgoing mail, or nil when no key exists (mail then leaves unsigned).
    static func signer(root: URL) throws -> DKIMSigner? {
        let keys = try load(root: root)
        return keys.isEmpty ? nil : DKIMSigner(keys: keys)
    }

    /// Writes a new key (mode 0600, in a folder of mode 0700); refuses to replace one.
    static func create(_ key: DKIMKey, root: URL) throws {
        let folder = directory(root: root).appendingPathComponent(key.domain, isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let suffix = key.algorithm == .rsaSHA256 ? ".pem" : ".key"
        let path = folder.appendingPathComponent(key.selector + suffix).path
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CLIError.data("\(path) exists already; choose another selector (`keys dkim --list` shows them)")
        }
        let text = key.fileContents
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError.software("cannot create \(path): \(String(cString: strerror(errno)))") }
        let written = text.utf8CString.withUnsafeBufferPointer { Foundation.write(descriptor, $0.baseAddress, text.utf8.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == text.utf8.count, synced else {
            unlink(path)
            throw CLIError.software("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the key files of `selector` (both algorithms); returns how many there were.
    static func remove(selector: String, domain: String, root: URL) throws -> Int {
        let folder = directory(root: root).appendingPathComponent(domain, isDirectory: true)
        var removed = 0
        for (suffix, _) in suffixes {
            let path = folder.appendingPathComponent(selector + suffix).path
            if FileManager.default.fileExists(atPath: path) {
                guard unlink(path) == 0 else {
                    throw CLIError.software("cannot remove \(path): \(String(cString: strerror(errno)))")
                }
                removed += 1
            }
        }
        return removed
    }
}
