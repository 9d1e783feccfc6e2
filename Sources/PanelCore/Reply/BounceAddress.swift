import Crypto
import Foundation

/// The envelope sender (Return-Path) of one outgoing message, as a VERP address:
/// `bounce+{kid}.{base32}@{reply-domain}`.
///
/// A bounce comes back to the envelope sender, so the address it arrives at names the outbox row that failed, even
/// when the report itself is unreadable. Designed like `ReplyAddress`: lowercase base32 because mail systems may change
/// the case of a local part; the payload is the outbox id (64 bits, big-endian), followed by an HMAC-SHA256 over
/// `bounce.v1.` and the payload, truncated to 128 bits and compared in constant time. The key id travels in the
/// address so keys can rotate. With key ids like `k1` the local part is 49 characters (RFC 5321 allows 64): 7 + key id
/// + 1 + 39, so key ids up to 17 characters fit.
public struct BounceAddress: Sendable, Equatable, Hashable {
    /// The outbox row the message was sent from.
    public var outboxId: Int64

    public init(outboxId: Int64) {
        self.outboxId = outboxId
    }

    public static let prefix = "bounce+"
    /// RFC 5321 §4.5.3.1.1.
    public static let maxLocalPartLength = 64
    static let payloadLength = 8
    static let macLength = 16

    /// The local part, e.g. `bounce+k1.ab3…`, signed with the signer's active key.
    public func localPart(signer: TokenSigner) -> String {
        let key = signer.activeKey
        let payload = Self.payload(outboxId)
        return Self.prefix + key.id.lowercased() + "." + Base32.encode(payload + Self.mac(payload, key: key))
    }

    /// The whole address for the SMTP `MAIL FROM`, e.g. `bounce+k1.ab3…@reply.example.nl`.
    public func address(signer: TokenSigner, domain: String) -> String {
        localPart(signer: signer) + "@" + domain.lowercased()
    }

    /// Reads an envelope recipient (an address, `<address>` or just the local part) back, whatever its case.
    /// Nil for anything we did not sign: another prefix, an unknown key, a wrong length or an altered character.
    public static func verify(_ address: String, signer: TokenSigner) -> BounceAddress? {
        var local = Substring(address.lowercased()).trimmingCharacters(in: .whitespaces)[...]
        if local.first == "<", local.last == ">" { local = local.dropFirst().dropLast() }
        if let at = local.lastIndex(of: "@") { local = local[..<at] }
        guard local.utf8.count <= maxLocalPartLength, local.hasPrefix(prefix) else { return nil }
        local = local.dropFirst(prefix.count)
        guard let dot = local.firstIndex(of: ".") else { return nil }
        let kid = String(local[..<dot])
        let encoded = String(local[local.index(after: dot)...])
        // 24 bytes take 39 characters, the last carrying 3 unused bits: only the spelling `encode` makes is ours.
        guard let key = signer.keys.first(where: { $0.id.lowercased() == kid }),
            let bytes = Base32.decode(encoded), bytes.count == payloadLength + macLength,
            Base32.encode(bytes) == encoded
        else { return nil }
        let payload = Array(bytes.prefix(payloadLength))
        guard TokenSigner.constantTimeEqual(Array(bytes.suffix(macLength)), mac(payload, key: key)) else { return nil }
        let id = payload.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return BounceAddress(outboxId: Int64(bitPattern: id))
    }

    static func payload(_ outboxId: Int64) -> [UInt8] {
        let value = UInt64(bitPattern: outboxId)
        return stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: value >> UInt64($0)) }
    }

    static func mac(_ payload: [UInt8], key: SigningKey) -> [UInt8] {
        Array(key.authenticationCode(for: Array("bounce.v1.".utf8) + payload).prefix(macLength))
    }
}
