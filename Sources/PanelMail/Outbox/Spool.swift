import Foundation

/// The `Queue/` folder: rendered outgoing mail, raw incoming mail and dead letters, written atomically.
///
/// A file is first written under `tmp/`, flushed to disk, then renamed into place, and the folder is
/// flushed too, so after a crash a file in `outgoing/` is always complete.
public struct Spool: Sendable {
    public enum Folder: String, Sendable, CaseIterable {
        case outgoing, incoming, dead, tmp
    }

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func url(_ folder: Folder, _ name: String = "") -> URL {
        root.appendingPathComponent(folder.rawValue, isDirectory: true).appendingPathComponent(name)
    }

    /// Creates the folders if needed.
    public func prepare() throws {
        for folder in Folder.allCases {
            try FileManager.default.createDirectory(at: url(folder), withIntermediateDirectories: true)
        }
    }

    /// Writes atomically. With `syncFolder: false` the caller flushes the folder once for a batch
    /// (`syncFolder(_:)`) before it records the files as written.
    public func write(_ bytes: [UInt8], to folder: Folder, name: String, syncFolder: Bool = true) throws {
        let temporary = url(.tmp, "\(name).\(getpid()).tmp")
        let final = url(folder, name)
        try Self.writeDurably(bytes, to: temporary.path)
        guard rename(temporary.path, final.path) == 0 else {
            let error = SpoolError.io("cannot move \(temporary.path) to \(final.path)", errno)
            unlink(temporary.path)
            throw error
        }
        if syncFolder { Self.syncDirectory(url(folder).path) }
    }

    /// Flushes a folder's entries (renames) to disk.
    public func syncFolder(_ folder: Folder) {
        Self.syncDirectory(url(folder).path)
    }

    public func read(_ folder: Folder, name: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: url(folder, name).path) else { return nil }
        return [UInt8](data)
    }

    public func remove(_ folder: Folder, name: String) {
        unlink(url(folder, name).path)
    }

    /// Keeps a message that will never be delivered, for the moderator to inspect.
    public func bury(_ name: String) {
        let from = url(.outgoing, name).path
        if rename(from, url(.dead, name).path) == 0 { Self.syncDirectory(url(.dead).path) }
    }

    public func names(in folder: Folder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []).sorted()
    }

    static func writeDurably(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw SpoolError.io("cannot create \(path)", errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                unlink(path)
                throw SpoolError.io("cannot write \(path)", code)
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else {
            let code = errno
            unlink(path)
            throw SpoolError.io("cannot flush \(path) to disk", code)
        }
    }

    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

public enum SpoolError: Error, CustomStringConvertible {
    case io(String, Int32)

    public var description: String {
        switch self {
        case .io(let what, let code):
            let reason = String(cString: strerror(code))
            return code == ENOSPC
                ? "\(what): the disk is full; free space and run again (nothing was lost)" : "\(what): \(reason)"
        }
    }
}
