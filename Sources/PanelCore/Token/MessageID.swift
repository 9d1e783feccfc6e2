import Crypto
import Foundation

/// The Message-ID of an outgoing message: stable for one message (a retry, a re-render and a crash-resend carry
/// the same one), unique per installation, and without internal numbers.
///
/// `HMAC-SHA256(salt, key)` truncated to 160 bits in lowercase base32, at the sender's domain. The key names the
/// message inside the installation (`case.r3.p42`); the salt is random per database (migration v15), so a rebuilt
/// database or a second instance never repeats another's IDs, and nobody outside can read ids out of one.
public enum MessageID {
    public static func make(salt: [UInt8], key: String, domain: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(key.utf8), using: SymmetricKey(data: salt))
        return Base32.encode(Array(Array(mac).prefix(20))) + "@" + domain
    }

    /// A fresh salt for a new installation.
    public static func newSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
