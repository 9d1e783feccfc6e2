import Testing

@testable import PanelCore

@Suite struct MessageIDTests {
    @Test func stablePerInstallationUniqueAcrossThemAndOpaque() {
        let salt: [UInt8] = Array(repeating: 7, count: 32)
        let other: [UInt8] = Array(repeating: 8, count: 32)
        // The same message in one installation: the same ID (a retry or re-render)
        let first = MessageID.make(salt: salt, key: "case.r3.p42", domain: "tweedemening.example")
        #expect(first == MessageID.make(salt: salt, key: "case.r3.p42", domain: "tweedemening.example"))
        // Another message, or the same message in another installation: another ID
        #expect(first != MessageID.make(salt: salt, key: "case.r3.p43", domain: "tweedemening.example"))
        #expect(first != MessageID.make(salt: other, key: "case.r3.p42", domain: "tweedemening.example"))
        // 160 bits in base32 at the domain, nothing of the key in it
        let local = first.split(separator: "@")[0]
        #expect(local.count == 32 && first.hasSuffix("@tweedemening.example"))
        #expect(!first.contains("case") && !first.contains("r3") && !first.contains("p42"))
        #expect(Base32.decode(String(local))?.count == 20)
        // Fresh salts differ
        #expect(MessageID.newSalt() != MessageID.newSalt())
        #expect(MessageID.newSalt().count == 32)
    }
}
