import Foundation

/// The `Queue/` folder: rendered outgoing mail, raw incoming mail and dead letters, written atomically.
///
/// A file is first written under `tmp/`, flushed to disk, then renamed into place, and the folder is
/// flushed too, so after a crash a file in `outgoing/` is always complete.
///
/// Outgoing mail is rendered a batch at a time into packs (`SpoolPack`); a message re-rendered on its own (its
/// pack lost) or split out of its pack is a file of its own. Every method takes a message's name either way.
public struct Spool: Sendable {
    public enum Folder: String, Sendable, CaseIterable {
        case outgoing, incoming, dead, tmp
        /// Inbound mail that failed to be filed `Mailroom.filingAttempts` times: kept for the moderator, out of the
        /// retry loop.
        case unfiled
    }

    public let root: URL
    /// `root` as a path: building paths with `URL` per message was a measurable part of a round's delivery.
    let rootPath: String
    let shelf = PackShelf()

    public init(root: URL) {
        self.root = root
        self.rootPath = root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
    }

    public func url(_ folder: Folder, _ name: String = "") -> URL {
        URL(fileURLWithPath: path(folder, name))
    }

    func path(_ folder: Folder, _ name: String = "") -> String {
        name.isEmpty ? rootPath + "/" + folder.rawValue : rootPath + "/" + folder.rawValue + "/" + name
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
        let final = path(folder, name)
        try Self.writeDurably(bytes, to: temporary)
        guard rename(temporary, final) == 0 else {
            let error = SpoolError.io("cannot move \(temporary) to \(final)", errno)
            unlink(temporary)
            throw error
        }
        if syncFolder { Self.syncDirectory(path(folder)) }
    }

    /// Writes a batch of rendered messages as one pack in `outgoing/`, atomically and durably (one flush for the
    /// batch). When this returns, every message can be read by its name.
    public func pack(_ messages: [(name: String, bytes: [UInt8])]) throws {
        guard let first = messages.first else { return }
        let name = first.name + SpoolPack.suffix
        try write(SpoolPack.encode(messages), to: .outgoing, name: name)
        guard let members = SpoolPack.readIndex(path: path(.outgoing, name)) else {
            throw SpoolError.io("cannot read back \(path(.outgoing, name))", EIO)
        }
        shelf.register(name, members: members)
    }

    /// Moves a message out of its pack into a file of its own (when the pack is split: erasure, or a pack that
    /// outlived its pass). A message already in a file of its own stays.
    public func detach(_ name: String) throws {
        guard let (pack, slice) = shelf.locate(name, folder: path(.outgoing)) else { return }
        guard let bytes = Self.readSlice(path(.outgoing, pack), slice) else {
            // The pack is gone: the message is rendered anew when it is due (same bytes).
            shelf.release(name, folder: path(.outgoing))
            return
        }
        try write(bytes, to: .outgoing, name: name, syncFolder: false)
        shelf.release(name, folder: path(.outgoing))
    }

    /// Removes a message so that no copy of it stays in the spool: when its pack still holds other messages, those
    /// are moved out into files of their own and the pack is deleted (erasure must not wait for the rest of a
    /// batch to be delivered).
    public func purge(_ name: String) throws {
        for (_, others) in shelf.companions(of: name, folder: path(.outgoing)) {
            for other in others { try detach(other) }
        }
        remove(.outgoing, name: name)
        syncFolder(.outgoing)
    }

    /// The file a message is in, for `queue show`: its own, or its pack.
    public func location(_ name: String) -> String? {
        for folder in [Folder.outgoing, .dead] where access(path(folder, name), F_OK) == 0 { return path(folder, name) }
        return shelf.locate(name, folder: path(.outgoing)).map { path(.outgoing, $0.pack) }
    }

    private func stagedPath(_ name: String) -> String {
        path(.tmp, "\(name).\(getpid()).tmp")
    }

    /// Flushes a folder's entries (renames) to disk.
    public func syncFolder(_ folder: Folder) {
        Self.syncDirectory(path(folder))
    }

    /// A message (or incoming mail, or dead letter) by name: its own file, else its pack.
    public func read(_ folder: Folder, name: String) -> [UInt8]? {
        if let bytes = Self.readFile(path(folder, name)) { return bytes }
        guard folder == .outgoing, let (pack, slice) = shelf.locate(name, folder: path(.outgoing)) else { return nil }
        return Self.readSlice(path(.outgoing, pack), slice)
    }

    public func remove(_ folder: Folder, name: String) {
        unlink(path(folder, name))
        if folder == .outgoing { shelf.release(name, folder: path(.outgoing)) }
    }

    /// Keeps a message that will never be delivered, for the moderator to inspect.
    public func bury(_ name: String) {
        if rename(path(.outgoing, name), path(.dead, name)) != 0, let bytes = read(.outgoing, name: name) {
            try? write(bytes, to: .dead, name: name, syncFolder: false)
        }
        shelf.release(name, folder: path(.outgoing))
        Self.syncDirectory(path(.dead))
    }

    /// Moves an incoming message that cannot be filed to `unfiled/`, with a note of why beside it (`NAME.why`).
    public func setAside(_ name: String, why: String) throws {
        try write(Array(why.utf8), to: .unfiled, name: name + ".why", syncFolder: false)
        guard rename(path(.incoming, name), path(.unfiled, name)) == 0 else {
            throw SpoolError.io("cannot move \(path(.incoming, name)) to \(path(.unfiled))", errno)
        }
        Self.syncDirectory(path(.unfiled))
        Self.syncDirectory(path(.incoming))
    }

    /// Moves a message from `unfiled/` back to `incoming/` to be filed again.
    public func refile(_ name: String) throws {
        guard rename(path(.unfiled, name), path(.incoming, name)) == 0 else {
            throw SpoolError.io("cannot move \(path(.unfiled, name)) to \(path(.incoming))", errno)
        }
        Self.syncDirectory(path(.incoming))
    }

    /// The names in a folder; for `outgoing`, the messages in files of their own and the live ones in packs.
    public func names(in folder: Folder) -> [String] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? [])
        guard folder == .outgoing else { return files.sorted() }
        let packed = shelf.liveNames(folder: path(.outgoing)).keys
        return Set(files.filter { !$0.hasSuffix(SpoolPack.suffix) }).union(packed).sorted()
    }

    /// Pack files in `outgoing/` last written before `date`.
    func packs(writtenBefore date: Date) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(.outgoing))) ?? []).filter { name in
            guard name.hasSuffix(SpoolPack.suffix),
                let modified = (try? FileManager.default.attributesOfItem(atPath: path(.outgoing, name))[.modificationDate])
                    as? Date
            else { return false }
            return modified < date
        }
    }

    /// The live messages of a pack.
    func members(ofPack pack: String) -> [String] {
        shelf.liveNames(folder: path(.outgoing)).filter { $0.value == pack }.map(\.key).sorted()
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return readAll(descriptor, offset: 0, length: Int(status.st_size))
    }

    static func readSlice(_ path: String, _ slice: SpoolPack.Slice) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return readAll(descriptor, offset: slice.offset, length: slice.length)
    }

    private static func readAll(_ descriptor: Int32, offset: Int, length: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, length - done, off_t(offset + done))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return bytes
    }

    /// Writes and flushes `bytes` to `path`; on failure the half-written file is removed.
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
