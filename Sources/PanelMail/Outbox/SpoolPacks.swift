import Foundation
import Synchronization

/// Outgoing mail of one render batch, in one file: `Queue/outgoing/{first message}.pack`.
///
/// Writing a file per message costs an inode each, created and soon deleted again; on a busy file system that
/// is most of the time a round's delivery takes (10,000 files took 1–2 s on the benchmark machine, more than the
/// rendering). A pack is written, flushed and renamed into place once per batch, read by offset, and removed when
/// its last message is delivered or failed. Messages keep their names (`{id}-{kind}.eml`): the spool's readers ask for a
/// name and do not care whether it lives in a file of its own or in a pack.
///
/// The format: a header line `tweedemening-pack 1`, one line `{name} {offset} {length}` per message (offsets
/// from the start of the data), an empty line, then the messages back to back.
enum SpoolPack {
    static let magic = "tweedemening-pack 1"
    static let suffix = ".pack"

    /// The header and the data of a pack.
    static func encode(_ messages: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var header = magic + "\n"
        var offset = 0
        for message in messages {
            header += "\(message.name) \(offset) \(message.bytes.count)\n"
            offset += message.bytes.count
        }
        header += "\n"
        var file = Array(header.utf8)
        file.reserveCapacity(file.count + offset)
        for message in messages { file += message.bytes }
        return file
    }

    /// The members of a pack file (absolute offsets), or nil when it is not a complete pack.
    static func readIndex(path: String) -> [String: Slice]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var size = stat()
        guard fstat(descriptor, &size) == 0 else { return nil }
        // The header is small (about 40 bytes a message); read until its empty line.
        var header: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var end: Int?
        while end == nil {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, off_t(header.count)) }
            guard count > 0 else { return nil }
            let searchFrom = max(0, header.count - 1)
            header += chunk.prefix(count)
            end = (searchFrom..<max(searchFrom, header.count - 1)).first { header[$0] == 0x0A && header[$0 + 1] == 0x0A }
        }
        let lines = String(decoding: header[..<end!], as: UTF8.self).split(separator: "\n")
        guard lines.first.map(String.init) == magic else { return nil }
        let dataStart = end! + 2
        var members: [String: Slice] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let offset = Int(fields[1]), let length = Int(fields[2]), offset >= 0, length >= 0,
                dataStart + offset + length <= Int(size.st_size)
            else { return nil }
            members[String(fields[0])] = Slice(offset: dataStart + offset, length: length)
        }
        return members
    }

    /// Where a message is in its pack file.
    struct Slice: Sendable, Equatable {
        var offset: Int
        var length: Int
    }
}

/// The packs in `Queue/outgoing/` this process knows of, and which of their messages are still to be delivered.
///
/// Packs written by this process are known at once; packs left by another process (a `tick` that crashed, a
/// `serve` that rendered) are read in when a name is missing or the live names are listed. A message is *live*
/// until it is removed, buried or moved out to a file of its own; a pack with no live message left is deleted.
///
/// Every method holds `state`'s lock for its whole call, directory scans and pack deletion included (file system
/// calls, no database write).
final class PackShelf: Sendable {
    struct Pack {
        var members: [String: SpoolPack.Slice]
        var live: Set<String>
    }

    /// What the shelf knows, read and written only under the mutex.
    struct State {
        var packs: [String: Pack] = [:]
        /// The newest pack holding each name.
        var owner: [String: String] = [:]
    }

    private let state = Mutex(State())

    /// Registers a pack this process just wrote (replacing a pack of the same name read earlier).
    func register(_ pack: String, members: [String: SpoolPack.Slice]) {
        state.withLock { $0.add(pack, members: members) }
    }

    /// The pack and slice holding `name`, reading in unknown packs from `folder` when it is not known.
    func locate(_ name: String, folder: String) -> (pack: String, slice: SpoolPack.Slice)? {
        state.withLock { state in
            if state.owner[name] == nil { state.scan(folder) }
            guard let pack = state.owner[name], let slice = state.packs[pack]?.members[name] else { return nil }
            return (pack, slice)
        }
    }

    /// Marks `name` done in every pack holding it, and deletes each pack that has no live message left.
    /// Returns how many pack files were deleted.
    @discardableResult
    func release(_ name: String, folder: String) -> Int {
        state.withLock { state in
            var deleted = 0
            for pack in state.packs.keys.filter({ state.packs[$0]!.live.contains(name) }) {
                // In place: a copy of the pack's entry to change and store back copied its set of live names, some
                // 500 of them, for every message delivered.
                state.packs[pack]!.live.remove(name)
                if state.packs[pack]!.live.isEmpty {
                    state.forget(pack)
                    // Under the lock: a scan cannot read the pack in again between forgetting and deleting it.
                    unlink(folder + "/" + pack)
                    deleted += 1
                }
            }
            return deleted
        }
    }

    /// Live names in packs, and the pack holding each.
    func liveNames(folder: String) -> [String: String] {
        state.withLock { state in
            state.scan(folder)
            var names: [String: String] = [:]
            for (pack, entry) in state.packs {
                for name in entry.live { names[name] = pack }
            }
            return names
        }
    }

    /// The packs holding `name` live, and their other live names.
    func companions(of name: String, folder: String) -> [String: Set<String>] {
        state.withLock { state in
            state.scan(folder)
            return state.packs.filter { $0.value.live.contains(name) }.mapValues { $0.live.subtracting([name]) }
        }
    }
}

extension PackShelf.State {
    mutating func add(_ pack: String, members: [String: SpoolPack.Slice]) {
        if packs[pack] != nil { forget(pack) }
        packs[pack] = PackShelf.Pack(members: members, live: Set(members.keys))
        for name in members.keys { owner[name] = pack }
    }

    mutating func forget(_ pack: String) {
        guard let entry = packs.removeValue(forKey: pack) else { return }
        for name in entry.members.keys where owner[name] == pack {
            owner[name] = packs.first { $0.value.members[name] != nil }?.key
        }
    }

    /// Reads in the packs in `folder` this process does not know yet: a crashed process's, or those another
    /// process (`tick` from cron beside `serve`) wrote since…
    mutating func scan(_ folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        // …and forgets packs another process split up or finished meanwhile.
        let present = Set(names)
        for pack in packs.keys where !present.contains(pack) { forget(pack) }
        for pack in names.sorted() where pack.hasSuffix(SpoolPack.suffix) && packs[pack] == nil {
            guard let members = SpoolPack.readIndex(path: folder + "/" + pack) else { continue }
            add(pack, members: members)
        }
    }
}
