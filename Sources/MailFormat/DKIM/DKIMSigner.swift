import Crypto
import Foundation

/// Adds DKIM signatures (RFC 6376, relaxed/relaxed) to a complete message: one `DKIM-Signature` field per key, in
/// front of the others. Pure: the same message, keys and time give the same fields (Ed25519 and PKCS#1 v1.5 are
/// deterministic).
public struct DKIMSigner: Sendable {
    public let keys: [DKIMKey]

    /// What we sign when present, in this order. RFC 8058 asks that List-Unsubscribe and List-Unsubscribe-Post are
    /// covered; Date and Message-ID are, so a replayed message cannot be given a fresh date.
    public static let signedFields = [
        "From", "To", "Subject", "Date", "Message-ID", "Reply-To", "MIME-Version", "Content-Type", "List-Unsubscribe",
        "List-Unsubscribe-Post", "List-Id", "Feedback-ID",
    ]

    public init(keys: [DKIMKey]) {
        self.keys = keys
    }

    /// The message with a signature of every key in front. `message` must have CRLF line ends (as
    /// `OutgoingMessage.rendered()` writes); a message without a header/body separator is returned unsigned.
    public func sign(_ message: [UInt8], at time: Date) throws -> [UInt8] {
        guard !keys.isEmpty, let split = Self.headerEnd(message) else { return message }
        let fields = Self.fields(message[..<split.headerEnd])
        let bodyHash = Data(SHA256.hash(data: Self.relaxedBody(message[split.bodyStart...]))).base64EncodedString()
        var present: [(name: String, raw: ArraySlice<UInt8>)] = []
        for name in Self.signedFields {
            // The last instance is the one a verifier takes first (RFC 6376 §5.4.2); we write each one once.
            if let field = fields.last(where: { $0.name.equalsIgnoringASCIICase(name) }) {
                present.append((name, field.raw))
            }
        }
        var signedHeaders: [UInt8] = []
        for field in present { signedHeaders += Self.relaxedHeader(field.raw) + [13, 10] }
        var signatures: [UInt8] = []
        for key in keys {
            let unsigned =
                "DKIM-Signature: v=1; a=\(key.algorithm.rawValue); c=relaxed/relaxed; d=\(key.domain);\r\n"
                + "\ts=\(key.selector); t=\(Int(time.timeIntervalSince1970));\r\n"
                + "\th=\(Self.foldedNames(present.map(\.name)));\r\n"
                + "\tbh=\(bodyHash);\r\n\tb="
            let signature = try key.sign(signedHeaders + Self.relaxedHeader(ArraySlice(unsigned.utf8)))
            signatures += unsigned.utf8
            signatures += Self.folded(Data(signature).base64EncodedString()).utf8
            signatures += [13, 10]
        }
        return signatures + message
    }

    /// `From:To:…` in lines of at most about 72 characters, folded after a colon (FWS is allowed there).
    static func foldedNames(_ names: [String]) -> String {
        var text = ""
        var line = 2  // "h="
        for (index, name) in names.enumerated() {
            let piece = index == 0 ? name : ":" + name
            if line + piece.count > 72, index > 0 {
                text += ":\r\n\t" + name
                line = 1 + name.count
            } else {
                text += piece
                line += piece.count
            }
        }
        return text
    }

    /// Base64 in lines of 72 characters, continued with a tab.
    static func folded(_ text: String) -> String {
        var lines: [Substring] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            lines.append(rest.prefix(72))
            rest = rest.dropFirst(72)
        }
        return lines.joined(separator: "\r\n\t")
    }

    /// Where the header ends (before its last CRLF) and the body starts (after the empty line).
    public static func headerEnd(_ message: [UInt8]) -> (headerEnd: Int, bodyStart: Int)? {
        var index = 0
        while index + 3 < message.count {
            if message[index] == 13, message[index + 1] == 10, message[index + 2] == 13, message[index + 3] == 10 {
                return (index + 2, index + 4)
            }
            index += 1
        }
        return nil
    }

    /// The header fields, each with its continuation lines, without the final CRLF.
    public static func fields(_ header: ArraySlice<UInt8>) -> [(name: String, raw: ArraySlice<UInt8>)] {
        var result: [(name: String, raw: ArraySlice<UInt8>)] = []
        var start = header.startIndex
        var index = header.startIndex
        func close(at end: Int) {
            guard end > start else { return }
            let raw = header[start..<end]
            if let colon = raw.firstIndex(of: UInt8(ascii: ":")) {
                var name = header[start..<colon]
                while let first = name.first, first == 32 || first == 9 { name = name.dropFirst() }
                while let last = name.last, last == 32 || last == 9 { name = name.dropLast() }
                result.append((String(decoding: name, as: UTF8.self), raw))
            }
        }
        while index < header.endIndex {
            if header[index] == 13, index + 1 < header.endIndex, header[index + 1] == 10 {
                let next = index + 2
                let continues = next < header.endIndex && (header[next] == 32 || header[next] == 9)
                if !continues {
                    close(at: index)
                    start = next
                }
                index = next
            } else {
                index += 1
            }
        }
        close(at: header.endIndex)
        return result
    }

    /// RFC 6376 §3.4.2: the name in lowercase, unfolded, runs of whitespace as one space, none at the end of the
    /// value nor around the colon. No CRLF at the end.
    static func relaxedHeader(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        guard let colon = raw.firstIndex(of: UInt8(ascii: ":")) else { return [] }
        var name = Array(raw[raw.startIndex..<colon])
        while let last = name.last, last == 32 || last == 9 { name.removeLast() }
        var output = name.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        output.append(UInt8(ascii: ":"))
        var value: [UInt8] = []
        var pendingSpace = false
        for byte in raw[(colon + 1)...] {
            if byte == 13 || byte == 10 { continue }
            if byte == 32 || byte == 9 {
                pendingSpace = true
                continue
            }
            if pendingSpace, !value.isEmpty { value.append(32) }
            pendingSpace = false
            value.append(byte)
        }
        return output + value
    }

    /// RFC 6376 §3.4.4: whitespace at line ends removed, runs of whitespace as one space, empty lines at the end
    /// removed, and a non-empty body ending in CRLF.
    static func relaxedBody(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var line: [UInt8] = []
        var emptyLines = 0
        func endLine() {
            while let last = line.last, last == 32 || last == 9 { line.removeLast() }
            if line.isEmpty {
                emptyLines += 1
            } else {
                for _ in 0..<emptyLines { output += [13, 10] }
                emptyLines = 0
                output += line
                output += [13, 10]
            }
            line.removeAll(keepingCapacity: true)
        }
        var index = body.startIndex
        var pendingSpace = false
        while index < body.endIndex {
            let byte = body[index]
            if byte == 13, index + 1 < body.endIndex, body[index + 1] == 10 {
                pendingSpace = false
                endLine()
                index += 2
                continue
            }
            if byte == 32 || byte == 9 {
                pendingSpace = true
            } else {
                if pendingSpace { line.append(32) }
                pendingSpace = false
                line.append(byte)
            }
            index += 1
        }
        if pendingSpace { line.append(32) }
        if !line.isEmpty { endLine() }
        return output
    }
}
