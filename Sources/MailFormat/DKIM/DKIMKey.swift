import Crypto
import Foundation
import _CryptoExtras

/// One DKIM private key with the selector and domain it is published under.
///
/// RSA keys (2048-bit) are stored as PKCS#8 PEM, Ed25519 keys (RFC 8463) as the base64 of their 32-byte seed.
public struct DKIMKey: Sendable {
    public enum Algorithm: String, Sendable, CaseIterable {
        case rsaSHA256 = "rsa-sha256"
        case ed25519SHA256 = "ed25519-sha256"

        /// The `k=` of the DNS record.
        public var keyType: String {
            switch self {
            case .rsaSHA256: "rsa"
            case .ed25519SHA256: "ed25519"
            }
        }
    }

    enum Secret: Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        /// The 32-byte seed: swift-crypto's Ed25519 key type is not `Sendable` on Linux; made from it when used.
        case ed25519(seed: Data)
    }

    public let domain: String
    public let selector: String
    let secret: Secret

    public var algorithm: Algorithm {
        switch secret {
        case .rsa: .rsaSHA256
        case .ed25519: .ed25519SHA256
        }
    }

    /// A fresh key: RSA 2048-bit or Ed25519.
    public static func generate(_ algorithm: Algorithm, domain: String, selector: String) throws -> DKIMKey {
        switch algorithm {
        case .rsaSHA256:
            DKIMKey(domain: domain, selector: selector, secret: .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048)))
        case .ed25519SHA256:
            DKIMKey(
                domain: domain, selector: selector, secret: .ed25519(seed: Curve25519.Signing.PrivateKey().rawRepresentation))
        }
    }

    /// A key read back from the text `fileContents` wrote.
    public init(domain: String, selector: String, algorithm: Algorithm, fileContents: String) throws(DKIMKeyError) {
        self.domain = domain
        self.selector = selector
        switch algorithm {
        case .rsaSHA256:
            guard let key = try? _RSA.Signing.PrivateKey(pemRepresentation: fileContents) else {
                throw .unreadable("not an RSA private key in PEM form")
            }
            guard key.keySizeInBits >= 2048 else { throw .unreadable("an RSA key of \(key.keySizeInBits) bits; 2048 or more") }
            secret = .rsa(key)
        case .ed25519SHA256:
            guard let seed = Data(base64Encoded: fileContents.trimmingCharacters(in: .whitespacesAndNewlines)),
                seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            else { throw .unreadable("not the base64 of a 32-byte Ed25519 seed") }
            secret = .ed25519(seed: key.rawRepresentation)
        }
    }

    init(domain: String, selector: String, secret: Secret) {
        self.domain = domain
        self.selector = selector
        self.secret = secret
    }

    /// What the key file holds.
    public var fileContents: String {
        switch secret {
        case .rsa(let key): key.pkcs8PEMRepresentation + "\n"
        case .ed25519(let seed): seed.base64EncodedString() + "\n"
        }
    }

    /// The public key as DKIM's `p=`: the DER SubjectPublicKeyInfo for RSA, the raw 32 bytes for Ed25519 (RFC 8463).
    public var publicKeyBase64: String {
        switch secret {
        case .rsa(let key): key.publicKey.derRepresentation.base64EncodedString()
        case .ed25519(let seed):
            ((try? Curve25519.Signing.PrivateKey(rawRepresentation: seed))?.publicKey.rawRepresentation ?? Data())
                .base64EncodedString()
        }
    }

    /// The TXT record's value: `v=DKIM1; k=rsa; p=…`.
    public var dnsRecord: String { "v=DKIM1; k=\(algorithm.keyType); p=\(publicKeyBase64)" }

    /// Where the record is published: `selector._domainkey.domain`.
    public var dnsName: String { "\(selector)._domainkey.\(domain)" }

    /// The zone-file line, the value split into strings of at most 255 characters as DNS requires.
    public var zoneFileLine: String {
        var strings: [String] = []
        var rest = Substring(dnsRecord)
        while !rest.isEmpty {
            strings.append("\"\(rest.prefix(250))\"")
            rest = rest.dropFirst(250)
        }
        return "\(dnsName). IN TXT ( \(strings.joined(separator: " ")) )"
    }

    func sign(_ data: [UInt8]) throws -> [UInt8] {
        switch secret {
        case .rsa(let key):
            return [UInt8](try key.signature(for: data, padding: .insecurePKCS1v1_5).rawRepresentation)
        case .ed25519(let seed):
            // RFC 8463 §3: PureEdDSA over the SHA-256 hash of the signed data.
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            return [UInt8](try key.signature(for: Data(SHA256.hash(data: data))))
        }
    }
}

public enum DKIMKeyError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): reason
        }
    }
}
