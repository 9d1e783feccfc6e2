extension ReplyLanguage {
    /// English.
    static let en = ReplyLanguage(
        code: "en",
        attributionOpeners: ["on "],
        attributionVerbs: ["wrote"],
        separators: ["original message", "forwarded message"],
        forwardIntros: ["begin forwarded message:"],
        fromFields: ["from"],
        otherFields: ["sent", "date", "to", "subject", "cc", "bcc", "reply-to"],
        footerPrefixes: [
            "sent from my ", "sent from outlook", "sent from mail for", "sent from yahoo mail", "sent from samsung",
            "sent via ", "get outlook for ", "download outlook for ", "sent from the all new aol",
        ])
}
