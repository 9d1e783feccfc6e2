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
        let temporary = stagedPath(name)
        let final = url(folder, name)
        try Self.writeDurably(bytes, to: temporary)
        guard rename(temporary, final.path) == 0 else {
            let error = SpoolError.io("cannot move \(temporary) to \(final.path)", errno)
            unlink(temporary)
            throw error
        }
        if syncFolder { Self.syncDirectory(url(folder).path) }
    }

    /// Writes a file under `tmp/` without flushing it: one of a batch that `commit(_:to:)` makes durable and moves
    /// into place together.
    public func stage(_ bytes: [UInt8], name: String) throws {
        try Self.writeFile(bytes, to: stagedPath(name), flush: false)
    }

    /// Flushes every staged file to disk, renames each into `folder`, then flushes the folder once. When this
    /// returns, every file is complete and durable in `folder`; one that was not staged throws, and nothing after
    /// it is moved. Flushing after all files are written lets the file system commit the batch together, where a
    /// flush after each write waits for a commit per file.
    public func commit(_ names: [String], to folder: Folder) throws {
        try flushStaged(names)
        for name in names {
            let temporary = stagedPath(name)
            let final = url(folder, name).path
            guard rename(temporary, final) == 0 else {
                let error = SpoolError.io("cannot move \(temporary) to \(final)", errno)
                unlink(temporary)
                throw error
            }
        }
        Self.syncDirectory(url(folder).path)
    }

    /// Flushes staged files on `flushThreads` threads: each flush waits for its own writes, and several in flight
    /// let the disk take them together instead of one round trip after the other.
    private func flushStaged(_ names: [String]) throws {
        let threads = min(Self.flushThreads, names.count)
        let next = StagedFlush(names: names.map(stagedPath))
        if threads <= 1 {
            next.run()
        } else {
            let group = DispatchGroup()
            for _ in 0..<threads {
                group.enter()
                let thread = Thread {
                    next.run()
                    group.leave()
                }
                thread.stackSize = 1 << 18
                thread.start()
            }
            group.wait()
        }
        if let error = next.error { throw error }
    }

    static let flushThreads = 8

    private func stagedPath(_ name: String) -> String {
        url(.tmp, "\(name).\(getpid()).tmp").path
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
        try writeFile(bytes, to: path, flush: true)
    }

    static func writeFile(_ bytes: [UInt8], to path: String, flush: Bool) throws {
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
        guard !flush || fsync(descriptor) == 0 else {
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

/// The staged files of one commit, handed out one at a time to the threads that flush them.
///
/// `@unchecked Sendable`: the mutable state is touched only while holding `lock`.
private final class StagedFlush: @unchecked Sendable {
    private let lock = NSLock()
    private let paths: [String]
    private var position = 0
    private(set) var error: SpoolError?

    init(names: [String]) {
        self.paths = names
    }

    func run() {
        while let path = take() {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                fail(.io("cannot open \(path)", errno))
                return
            }
            let flushed = fsync(descriptor) == 0
            let code = errno
            close(descriptor)
            guard flushed else {
                fail(.io("cannot flush \(path) to disk", code))
                return
            }
        }
    }

    private func take() -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard error == nil, position < paths.count else { return nil }
        position += 1
        return paths[position - 1]
    }

    private func fail(_ error: SpoolError) {
        lock.lock()
        defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }
}
