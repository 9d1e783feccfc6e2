import Foundation
import Testing

@testable import PanelCore

@Suite struct ReplyAddressTests {
    let signer = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 8, count: 32))])

    @Test func roundTripsWhateverTheCaseAndStaysUnder64() throws {
        let address = ReplyAddress(purpose: .panelist, round: 4_000_000, subject: 123_456)
        let local = address.localPart(signer: signer)
        #expect(local.count < 64)
        #expect(local == local.lowercased())
        #expect(ReplyAddress.verify("\(local)@reply.example", signer: signer) == address)
        #expect(ReplyAddress.verify("\(local.uppercased())@REPLY.EXAMPLE", signer: signer) == address)
    }

    @Test func anyChangeIsRejected() {
        let local = ReplyAddress(purpose: .panelist, round: 1, subject: 2).localPart(signer: signer)
        var rejected = 0
        let characters = Array(local)
        for index in characters.indices.dropFirst(ReplyAddress.prefix.count + 3) {
            var changed = characters
            changed[index] = changed[index] == "a" ? "b" : "a"
            if ReplyAddress.verify(String(changed), signer: signer) == nil { rejected += 1 }
        }
        #expect(rejected == characters.count - ReplyAddress.prefix.count - 3)
        #expect(ReplyAddress.verify("reply+k1.abc@x.nl", signer: signer) == nil)
        #expect(ReplyAddress.verify("someone@x.nl", signer: signer) == nil)
        let other = TokenSigner(keys: [SigningKey(id: "k1", secret: Array(repeating: 9, count: 32))])
        #expect(ReplyAddress.verify(local, signer: other) == nil)
    }

    @Test func base32RoundTrips() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
            #expect(Base32.decode(Base32.encode(bytes)) == bytes)
        }
        #expect(Base32.encode(Array("foobar".utf8)) == "mzxw6ytboi")
    }
}
