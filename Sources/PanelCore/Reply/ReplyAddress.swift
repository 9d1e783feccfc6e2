import Crypto
import Foundation

/// Who may reply to what, as a mail local part: `reply+{kid}.{base32}@{reply-domain}`.
///
/// Lowercase base32 because mail systems may change the case of a local part, and short enough that
/// the local part stays under 64 characters. The payload names the purpose, the round and the
/// sender expected (a panelist, or the municipality); the HMAC (128 bits) proves we issued it.
public struct ReplyAddress: Sendable, Equatable {
    public enum Purpose: UInt8, Sendable {
        /// A panelist answering a case, digest or vote mail.
        case panelist = 0x70
        /// The municipality answering the verdict digest.
        case municipality = 0x6D
        /// The municipality answering one question; `subject` is the question's id.
        case answer = 0x61
        /// The municipality sends a new version of a returned case; `round` is 0, `subject` the case id.
        case revision = 0x72
    }

    public var purpose: Purpose
    public var round: Int64
    /// The panelist's id, or 0 for the municipality.
    public var subject: Int64

    public init(purpose: Purpose, round: Int64, subject: Int64) {
        self.purpose = purpose
        self.round = round
        self.subject = subject
    }

    public static let prefix = "reply+"
    static let macLength = 16

    /// The local part, e.g. `reply+k1.ab3…`: 6 + key id + 1 + 40 characters (ids are stored in 32 bits).
    public func localPart(signer: TokenSigner) -> String {
        let key = signer.activeKey
        let payload = Self.payload(purpose: purpose, round: round, subject: subject)
        let mac = Self.mac(payload, key: key)
        return Self.prefix + key.id.lowercased() + "." + Base32.encode(payload + mac)
    }

    /// Reads a recipient address (or local part) back, whatever its case. Nil for anything we did not sign.
    public static func verify(_ address: String, signer: TokenSigner) -> ReplyAddress? {
        var local = Substring(address.lowercased())
        if let at = local.lastIndex(of: "@") { local = local[..<at] }
        guard local.hasPrefix(prefix) else { return nil }
        local = local.dropFirst(prefix.count)
        guard let dot = local.firstIndex(of: ".") else { return nil }
        let kid = String(local[..<dot])
        guard let key = signer.keys.first(where: { $0.id.lowercased() == kid }),
            let bytes = Base32.decode(String(local[local.index(after: dot)...])), bytes.count == payloadLength + macLength
        else { return nil }
        let payload = Array(bytes.prefix(payloadLength))
        guard TokenSigner.constantTimeEqual(Array(bytes.suffix(macLength)), mac(payload, key: key)),
            let purpose = Purpose(rawValue: payload[0])
        else { return nil }
        let round = payload[1..<5].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        let subject = payload[5..<9].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        return ReplyAddress(purpose: purpose, round: round, subject: subject)
    }

    static let payloadLength = 9

    static func payload(purpose: Purpose, round: Int64, subject: Int64) -> [UInt8] {
        precondition((0...Int64(UInt32.max)).contains(round) && (0...Int64(UInt32.max)).contains(subject))
        var bytes: [UInt8] = [purpose.rawValue]
        for value in [round, subject] {
            for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        return bytes
    }

    static func mac(_ payload: [UInt8], key: SigningKey) -> [UInt8] {
        Array(key.authenticationCode(for: Array("reply.v1.".utf8) + payload).prefix(macLength))
    }
}

/// RFC 4648 base32 in lowercase, without padding.
public enum Base32 {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: output, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in text.lowercased().utf8 {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
            buffer &= 0xFFFF
        }
        // Only the spelling `encode` makes: no character left over, no bits set after the last byte. Otherwise a
        // signed address with a letter appended (or a last letter changed) would still verify.
        guard bits < 5, buffer & ((1 << bits) - 1) == 0 else { return nil }
        return output
    }
}
