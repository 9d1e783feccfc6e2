import Crypto
import Foundation
import PanelCore

/// libFuzzer entry point for the two things we sign: `v1.{kid}.{payload}.{mac}` tokens and `reply+{kid}.{base32}`
/// addresses. The keys are fixed test keys (the seed corpus in Fuzz/corpus/token was signed with them).
///
/// Each input is tried three ways:
/// 1. as a token, against every purpose: it may verify only if it is exactly what `sign` makes of its claims, i.e.
///    one of the seeds. Anything else that verifies is a forgery or a second spelling of a signed token: trap.
/// 2. as a reply address: it may verify only if its local part is, up to case, what `localPart` makes.
/// 3. as a token payload that we sign here, so the fuzzer reaches the payload parser behind the MAC: whatever
///    verifies must sign again to the same claims. Nine bytes are also signed as a reply-address payload.
@_cdecl("LLVMFuzzerTestOneInput")
public func tokenFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    var checksum = 0

    // 1. Tokens.
    for purpose in TokenPurpose.allCases {
        do {
            let claims = try TokenFuzzKeys.signer.verify(text, purpose: purpose, now: TokenFuzzKeys.now)
            let kid = text.split(separator: ".", omittingEmptySubsequences: false)[1]
            let canonical = TokenFuzzKeys.signer(for: String(kid)).sign(claims)
            if canonical != text { fatalError("a token that sign() never made verified: \(text.debugDescription)") }
            checksum &+= Int(claims.round)
        } catch {
            // Expired comes after the signature matched: the same rule applies.
            if case .expired(let claims) = error {
                if claims.expires > TokenFuzzKeys.now { fatalError("an unexpired token expired") }
                let kid = text.split(separator: ".", omittingEmptySubsequences: false)[1]
                if TokenFuzzKeys.signer(for: String(kid)).sign(claims) != text {
                    fatalError("an expired token that sign() never made verified: \(text.debugDescription)")
                }
            }
            checksum &+= error.description.utf8.count
        }
    }

    // 2. Reply addresses.
    if let address = ReplyAddress.verify(text, signer: TokenFuzzKeys.signer) {
        var local = Substring(text.lowercased())
        if let at = local.lastIndex(of: "@") { local = local[..<at] }
        let kid = local.dropFirst(ReplyAddress.prefix.count).prefix { $0 != "." }
        let canonical = address.localPart(signer: TokenFuzzKeys.signer(for: String(kid)))
        if canonical != local { fatalError("a reply address localPart() never made verified: \(text.debugDescription)") }
        checksum &+= Int(address.round)
    }

    // 3. Payloads behind a valid MAC.
    let payload = Base64URL.encode(bytes)
    let signed = "v1.k1.\(payload)"
    let token = signed + "." + Base64URL.encode(TokenFuzzKeys.mac(Array(signed.utf8), prefix: []))
    do {
        let claims = try TokenFuzzKeys.signer.verify(token, purpose: .vote, now: TokenFuzzKeys.now)
        checksum &+= TokenFuzzKeys.roundTrip(claims)
    } catch {
        switch error {
        case .wrongPurpose:
            for purpose in TokenPurpose.allCases where purpose != .vote {
                if let claims = try? TokenFuzzKeys.signer.verify(token, purpose: purpose, now: TokenFuzzKeys.now) {
                    checksum &+= TokenFuzzKeys.roundTrip(claims)
                }
            }
        case .expired(let claims):
            checksum &+= Int(truncatingIfNeeded: claims.panelist)
        case .malformed: break
        case .unknownKey, .badSignature: fatalError("our own signature did not verify: \(token)")
        }
    }
    if bytes.count == 9 {
        let mac = TokenFuzzKeys.mac(bytes, prefix: Array("reply.v1.".utf8))
        let local = "reply+k1." + Base32.encode(bytes + mac)
        let address = ReplyAddress.verify(local.uppercased() + "@Example.NL", signer: TokenFuzzKeys.signer)
        if (address == nil) == (ReplyAddress.Purpose(rawValue: bytes[0]) != nil) {
            fatalError("a signed reply address with purpose byte \(bytes[0]) verified: \(address != nil)")
        }
        if let address, address.localPart(signer: TokenFuzzKeys.signer) != local {
            fatalError("reply address does not round-trip")
        }
    }
    return checksum == -1 ? 1 : 0
}

enum TokenFuzzKeys {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let k1 = SigningKey(id: "k1", secret: Array(repeating: 7, count: 32))
    static let k2 = SigningKey(id: "K2", secret: Array(repeating: 9, count: 32))
    /// k1 active, K2 still verifying (a rotated key; the upper case tests the reply addresses' case folding).
    static let signer = TokenSigner(keys: [k1, k2])

    static func signer(for kid: String) -> TokenSigner {
        TokenSigner(keys: [kid.lowercased() == "k1" ? k1 : k2])
    }

    static func mac(_ message: [UInt8], prefix: [UInt8]) -> [UInt8] {
        let code = HMAC<SHA256>.authenticationCode(for: prefix + message, using: SymmetricKey(data: k1.secret))
        return Array(Array(code).prefix(16))
    }

    /// A token signed from claims that verified must verify again to the same claims.
    ///
    /// Skipped for an expiry of 2^63 seconds and more (a payload may say 9223372036854775807): `sign` traps
    /// converting that back to Int64. Only a payload we signed ourselves can carry it, and we never sign one.
    static func roundTrip(_ claims: TokenClaims) -> Int {
        guard claims.expires.timeIntervalSince1970 < 0x1p63 else { return 0 }
        let again = signer.sign(claims)
        guard let back = try? signer.verify(again, purpose: claims.purpose, now: now), back == claims else {
            fatalError("claims do not round-trip through sign and verify: \(claims)")
        }
        return again.utf8.count
    }
}
