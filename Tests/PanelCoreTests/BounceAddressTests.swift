import Foundation
import Testing

@testable import PanelCore

@Suite struct BounceAddressTests {
    let signer = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 8, count: 32))])

    @Test func roundTripsAndStaysWithinTheLocalPartLimit() throws {
        // Given outbox ids from the first row to the largest a 64-bit rowid can hold
        for id: Int64 in [1, 4217, 4_000_000_000, Int64.max] {
            // When the envelope sender is made and read back
            let address = BounceAddress(outboxId: id).address(signer: signer, domain: "Reply.TDM.example.nl")
            let local = String(address.prefix { $0 != "@" })

            // Then it names the same row, is lowercase and fits RFC 5321's 64 characters
            #expect(BounceAddress.verify(address, signer: signer) == BounceAddress(outboxId: id))
            #expect(local.hasPrefix("bounce+k1."))
            #expect(local.count <= BounceAddress.maxLocalPartLength)
            #expect(address == address.lowercased())
            #expect(address.hasSuffix("@reply.tdm.example.nl"))
        }
    }

    @Test func acceptsCaseChangesBracketsAndABareLocalPart() {
        let bounce = BounceAddress(outboxId: 4217)
        let address = bounce.address(signer: signer, domain: "reply.tdm.example.nl")
        #expect(BounceAddress.verify(address.uppercased(), signer: signer) == bounce)
        #expect(BounceAddress.verify("<\(address)>", signer: signer) == bounce)
        #expect(BounceAddress.verify(" \(address.capitalized) ", signer: signer) == bounce)
        #expect(BounceAddress.verify(bounce.localPart(signer: signer), signer: signer) == bounce)
    }

    @Test func anyAlteredCharacterIsRejected() {
        // Given a genuine local part
        let local = BounceAddress(outboxId: 4217).localPart(signer: signer)
        let characters = Array(local)
        let signedPart = characters.indices.dropFirst(BounceAddress.prefix.count + 3)
        // When any one character of the signed part changes, including the last (which carries unused bits)
        var accepted: [Int] = []
        for index in signedPart {
            for replacement in ["a", "b", "7"] as [Character] where replacement != characters[index] {
                var changed = characters
                changed[index] = replacement
                if BounceAddress.verify(String(changed), signer: signer) != nil { accepted.append(index) }
            }
        }
        // Then none verifies
        #expect(accepted.isEmpty)
    }

    @Test func forgedAndForeignAddressesAreRejected() {
        let genuine = BounceAddress(outboxId: 4217).localPart(signer: signer)
        let otherKey = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 9, count: 32))])
        let forged = BounceAddress(outboxId: 4218).localPart(signer: otherKey)
        #expect(BounceAddress.verify(forged, signer: signer) == nil)
        #expect(BounceAddress.verify(genuine, signer: otherKey) == nil)
        #expect(BounceAddress.verify(genuine + "a", signer: signer) == nil)
        #expect(BounceAddress.verify(String(genuine.dropLast()), signer: signer) == nil)
        #expect(BounceAddress.verify(genuine.replacingOccurrences(of: "+k1.", with: "+k2."), signer: signer) == nil)
        #expect(BounceAddress.verify(genuine.replacingOccurrences(of: "bounce+", with: "reply+"), signer: signer) == nil)
        #expect(BounceAddress.verify("bounce+k1.abc@reply.example.nl", signer: signer) == nil)
        #expect(BounceAddress.verify("bounce+k1@reply.example.nl", signer: signer) == nil)
        #expect(BounceAddress.verify("panel@tdm.example.nl", signer: signer) == nil)
        #expect(BounceAddress.verify("", signer: signer) == nil)
    }

    @Test func aReplyAddressIsNotABounceAddress() {
        // The same key signs both; the MAC's "bounce.v1." prefix keeps them apart.
        let reply = ReplyAddress(purpose: .panelist, round: 1, subject: 2).localPart(signer: signer)
        #expect(BounceAddress.verify(reply.replacingOccurrences(of: "reply+", with: "bounce+"), signer: signer) == nil)
    }

    @Test func rotatedKeysKeepVerifyingUntilRemoved() {
        // Given an address signed with k1, and then a new active key k2
        let old = signer.activeKey
        let address = BounceAddress(outboxId: 77).address(signer: signer, domain: "reply.example.nl")
        let rotated = TokenSigner(keys: [SigningKey(id: "k2", secret: Array(repeating: 3, count: 32)), old])
        // Then the old address still verifies, new ones carry k2, and without k1 the old one fails
        #expect(BounceAddress.verify(address, signer: rotated) == BounceAddress(outboxId: 77))
        #expect(BounceAddress(outboxId: 77).localPart(signer: rotated).hasPrefix("bounce+k2."))
        let withoutOld = TokenSigner(keys: [rotated.activeKey])
        #expect(BounceAddress.verify(address, signer: withoutOld) == nil)
    }
}
