import MailFormat

/// libFuzzer entry point: parse arbitrary bytes and touch everything the parser derives from them, including the
/// Authentication-Results and delivery-status readers that run on mail from outside.
///
/// A crash, a trap or a hang (libFuzzer's -timeout) is a bug; throwing `InboundParseError` is fine.
@_cdecl("LLVMFuzzerTestOneInput")
public func inboundFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let message = try? InboundMessage.parse(bytes) else { return 0 }
    var checksum = message.text.utf8.count + message.subject.utf8.count + message.to.count + message.references.count
    for field in message.headers.prefix(50) {
        checksum &+= message.header(field.name)?.utf8.count ?? 0
    }
    checksum &+= message.headers(named: "Received").count
    checksum &+= message.attachments.reduce(0) { $0 &+ $1.size &+ ($1.filename?.utf8.count ?? 0) }
    checksum &+= (message.from?.address.utf8.count ?? 0) + (message.messageID?.utf8.count ?? 0)
    checksum &+= (message.inReplyTo?.utf8.count ?? 0) + (message.isBounce ? 1 : 0) + (message.isAutoReply ? 1 : 0)
    checksum &+= message.textCameFromHTML ? 1 : 0
    // What the mailroom reads next from mail off the internet: the MTA's Authentication-Results (case intake)
    // and a delivery status notification (bounces).
    let trusted = message.trustedAuthenticationResults(authservID: "mx.example.nl")
    for results in trusted {
        checksum &+= results.results.count &+ (results.authenticates(domain: "utrecht.nl") ? 1 : 0)
        checksum &+= results.fails(domain: "utrecht.nl") ? 1 : 0
    }
    checksum &+= SenderAuthentication(trusted, domain: "utrecht.nl") == .fail ? 1 : 0
    if let status = DeliveryStatus.parse(bytes) {
        checksum &+= status.recipients.count &+ (status.originalMessageID?.utf8.count ?? 0)
        checksum &+= status.recipients.reduce(0) { $0 &+ $1.address.utf8.count &+ $1.diagnostic.utf8.count }
    }
    // The text is produced with "\n" line ends only.
    if message.text.utf8.contains(0x0D) { fatalError("carriage return left in text") }
    return checksum == -1 ? 1 : 0
}
