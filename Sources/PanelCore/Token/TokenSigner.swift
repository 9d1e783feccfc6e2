import Crypto
import Foundation

/// What a signed link may be used for. A token for one purpose never works for another.
public enum TokenPurpose: String, Sendable, CaseIterable {
    case vote = "v"
    case unsubscribe = "u"
    /// "Don't remind me for this case": no more reply reminders for this round.
    case quiet = "q"
    /// No more discussion digests for this round.
    case noDigest = "d"
    /// Moderator decisions on a held argument; `panelist` carries the argument's id.
    case approveArgument = "ma"
    case rejectArgument = "mr"
    /// Moderator decisions on a held answer of the municipality; `panelist` carries the question's id.
    case approveAnswer = "qa"
    case rejectAnswer = "qr"
    /// The moderator extends a round's discussion; `panelist` carries the number of days.
    case extendDiscussion = "x"
    /// One answer to the panel evaluation after a case.
    case evaluate = "e"
    /// The moderator approves a submitted case; `round` carries the case id, `panelist` the version.
    case approveCase = "ca"
    /// The moderator returns a submitted case to the municipality; same fields as `approveCase`.
    case returnCase = "cr"
    /// A joining resident answers one background question; `round` is the volunteer's id, `detail` is
    /// `category=value`.
    case joinAnswer = "ja"
    /// A joining resident confirms (double opt-in); `round` is the volunteer's id.
    case joinConfirm = "jc"
    /// A panelist pauses for a few weeks; `panelist` carries the id (`round` the round the mail was about, or 0).
    case pause = "pz"
    /// A panelist confirms "VERWIJDER MIJ"; `panelist` carries the id.
    case erase = "er"
    /// A panelist undoes an unsubscribe made by mail ("graag afmelden"); `panelist` carries the id.
    case resubscribe = "rs"
    /// A reserve takes the empty seat they were offered; `round` is the volunteer's id.
    case takeSeat = "ts"
}

/// The facts a token vouches for. Nothing here is stored: the signature is the proof.
public struct TokenClaims: Sendable, Equatable {
    public var purpose: TokenPurpose
    public var round: Int64
    public var panelist: Int64
    public var choice: VoteChoice?
    /// For an evaluation link: the answer it records, e.g. `satisfaction=4`.
    public var answer: EvaluationAnswer?
    /// For a background-question link: `category=value`, e.g. `age_band=65-74`.
    public var detail: String?
    public var expires: Date

    public init(
        purpose: TokenPurpose, round: Int64, panelist: Int64, choice: VoteChoice? = nil, answer: EvaluationAnswer? = nil,
        detail: String? = nil, expires: Date
    ) {
        self.purpose = purpose
        self.round = round
        self.panelist = panelist
        self.choice = choice
        self.answer = answer
        self.detail = detail
        // Whole seconds: the payload carries Unix seconds, so claims round-trip exactly.
        self.expires = Date(timeIntervalSince1970: expires.timeIntervalSince1970.rounded(.down))
    }
}

/// One HMAC key. `id` travels in the token so keys can rotate: old keys keep verifying until removed.
public struct SigningKey: Sendable {
    public let id: String
    /// Raw key bytes; kept as bytes so the key is `Sendable`.
    public let secret: [UInt8]
    /// HMAC-SHA256 with this key already absorbed: every message gets a copy. Setting up the key is two of the
    /// five SHA-256 blocks of a short token's MAC, and a round signs about eight tokens per recipient.
    private let keyed: KeyedHMAC

    public init(id: String, secret: [UInt8]) {
        self.id = id
        self.secret = secret
        self.keyed = KeyedHMAC(HMAC<SHA256>(key: SymmetricKey(data: secret)))
    }

    /// HMAC-SHA256 of `message` under this key (all 32 bytes).
    public func authenticationCode(for message: [UInt8]) -> [UInt8] {
        var hmac = keyed.start
        hmac.update(data: message)
        return Array(hmac.finalize())
    }

    /// 32 random bytes from the system's CSPRNG.
    public static func generate(id: String) -> SigningKey {
        SigningKey(id: id, secret: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }
}

public enum TokenError: Error, Equatable, CustomStringConvertible {
    case malformed
    case unknownKey
    case badSignature
    case wrongPurpose
    case expired(TokenClaims)

    public var description: String {
        switch self {
        case .malformed: "the link is incomplete or damaged"
        case .unknownKey: "the link was signed with a key that is no longer valid"
        case .badSignature: "the link's signature does not match"
        case .wrongPurpose: "the link is not meant for this action"
        case .expired: "the link has expired"
        }
    }
}

/// Signs and verifies `v1.{kid}.{payload}.{mac}` tokens.
///
/// payload is base64url of `purpose:round:panelist:choice:expiry`; mac is HMAC-SHA256 over
/// `v1.{kid}.{payload}`, truncated to 128 bits, base64url. The comparison is constant-time.
public struct TokenSigner: Sendable {
    public static let macLength = 16
    static let maxTokenLength = 256

    public let keys: [SigningKey]
    /// The key new tokens are signed with: the first one.
    public var activeKey: SigningKey { keys[0] }

    public init(keys: [SigningKey]) {
        precondition(!keys.isEmpty, "a TokenSigner needs at least one key")
        self.keys = keys
    }

    public func sign(_ claims: TokenClaims) -> String {
        // Built as bytes: a round signs about eight tokens per recipient (scripts/bench/send.sh).
        var payload: [UInt8] = []
        payload.reserveCapacity(64)
        payload += claims.purpose.rawValue.utf8
        payload.append(UInt8(ascii: ":"))
        payload += String(claims.round).utf8
        payload.append(UInt8(ascii: ":"))
        payload += String(claims.panelist).utf8
        payload.append(UInt8(ascii: ":"))
        payload += (claims.choice?.rawValue ?? claims.answer?.token ?? claims.detail ?? "").utf8
        payload.append(UInt8(ascii: ":"))
        payload += String(Int64(claims.expires.timeIntervalSince1970)).utf8
        var token: [UInt8] = []
        token.reserveCapacity(160)
        token += "v1.".utf8
        token += activeKey.id.utf8
        token.append(UInt8(ascii: "."))
        Base64URL.encode(payload, into: &token)
        let mac = activeKey.authenticationCode(for: token).prefix(Self.macLength)
        token.append(UInt8(ascii: "."))
        Base64URL.encode(mac, into: &token)
        return String(decoding: token, as: UTF8.self)
    }

    /// Verifies signature, purpose and expiry, in that order: nothing about an unsigned token is trusted.
    public func verify(_ token: String, purpose: TokenPurpose, now: Date) throws(TokenError) -> TokenClaims {
        // On the token's bytes: every vote click runs this, and splitting a String by Characters cost more than the
        // HMAC (issue #16).
        let bytes = token.utf8
        guard bytes.count <= Self.maxTokenLength else { throw .malformed }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].elementsEqual("v1".utf8) else { throw .malformed }
        guard let key = keys.first(where: { $0.id.utf8.elementsEqual(parts[1]) }) else { throw .unknownKey }
        guard let mac = Base64URL.decode(parts[3]), mac.count == Self.macLength else { throw .malformed }
        // The signed text is everything before the last dot: `v1.{kid}.{payload}`.
        let expected = Array(
            key.authenticationCode(for: Array(bytes[..<bytes.index(before: parts[3].startIndex)])).prefix(Self.macLength))
        guard Self.constantTimeEqual(mac, expected) else { throw .badSignature }
        guard let claims = Self.decodePayload(parts[2]) else { throw .malformed }
        guard claims.purpose == purpose else { throw .wrongPurpose }
        guard now < claims.expires else { throw .expired(claims) }
        return claims
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    static func decodePayload(_ payload: some Collection<UInt8>) -> TokenClaims? {
        guard let bytes = Base64URL.decode(payload), let text = String(validating: bytes, as: UTF8.self) else {
            return nil
        }
        let fields = text.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map {
            String(Substring($0))
        }
        guard fields.count == 5,
            let purpose = TokenPurpose(rawValue: fields[0]),
            let round = Int64(fields[1]), let panelist = Int64(fields[2]),
            let expiry = Int64(fields[4])
        else { return nil }
        var choice: VoteChoice?
        var answer: EvaluationAnswer?
        var detail: String?
        if !fields[3].isEmpty {
            if purpose == .joinAnswer {
                detail = fields[3]
            } else if purpose == .evaluate {
                guard let parsed = EvaluationAnswer(token: fields[3]) else { return nil }
                answer = parsed
            } else {
                guard let parsed = VoteChoice(rawValue: fields[3]) else { return nil }
                choice = parsed
            }
        }
        return TokenClaims(
            purpose: purpose, round: round, panelist: panelist, choice: choice, answer: answer, detail: detail,
            expires: Date(timeIntervalSince1970: TimeInterval(expiry)))
    }
}

/// A keyed HMAC state, never changed after `init` (copies are updated, copy-on-write).
///
/// `@unchecked Sendable`: swift-crypto's `HMAC` does not declare it; this one is immutable.
private final class KeyedHMAC: @unchecked Sendable {
    let start: HMAC<SHA256>

    init(_ start: HMAC<SHA256>) {
        self.start = start
    }
}

/// RFC 4648 §5 base64url without padding: safe in a URL path.
public enum Base64URL {
    /// Straight from the bytes: every link in every message is two of these.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        encode(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the encoding of `bytes` to `out`.
    public static func encode(_ bytes: some RandomAccessCollection<UInt8>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + (bytes.count * 4 + 2) / 3)
        var index = bytes.startIndex
        while bytes.distance(from: index, to: bytes.endIndex) >= 3 {
            let second = bytes.index(after: index)
            let third = bytes.index(after: second)
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[second]) << 8 | UInt32(bytes[third])
            out.append(alphabet[Int(group >> 18 & 0x3F)])
            out.append(alphabet[Int(group >> 12 & 0x3F)])
            out.append(alphabet[Int(group >> 6 & 0x3F)])
            out.append(alphabet[Int(group & 0x3F)])
            index = bytes.index(after: third)
        }
        let rest = bytes.distance(from: index, to: bytes.endIndex)
        if rest > 0 {
            let group = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[bytes.index(after: index)]) << 8 : 0)
            out.append(alphabet[Int(group >> 18 & 0x3F)])
            out.append(alphabet[Int(group >> 12 & 0x3F)])
            if rest == 2 { out.append(alphabet[Int(group >> 6 & 0x3F)]) }
        }
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    public static func decode(_ text: String) -> [UInt8]? {
        decode(text.utf8)
    }

    /// Only the spelling `encode` makes: no padding, no other alphabet, and the bits after the last byte zero (else
    /// a token with its last character changed, …MQ → …MR, would still verify).
    public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        let remainder = text.count % 4
        guard remainder != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var group: UInt32 = 0
        var filled = 0
        for byte in text {
            let value = decodeTable[Int(byte)]
            guard value != 0xFF else { return nil }
            group = group << 6 | UInt32(value)
            filled += 1
            if filled == 4 {
                out.append(UInt8(truncatingIfNeeded: group >> 16))
                out.append(UInt8(truncatingIfNeeded: group >> 8))
                out.append(UInt8(truncatingIfNeeded: group))
                group = 0
                filled = 0
            }
        }
        switch filled {
        case 2:
            guard group & 0x0F == 0 else { return nil }
            out.append(UInt8(truncatingIfNeeded: group >> 4))
        case 3:
            guard group & 0x03 == 0 else { return nil }
            out.append(UInt8(truncatingIfNeeded: group >> 10))
            out.append(UInt8(truncatingIfNeeded: group >> 2))
        default: break
        }
        return out
    }

    /// The six bits each byte of the base64url alphabet stands for; 0xFF for every other byte.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()
}
