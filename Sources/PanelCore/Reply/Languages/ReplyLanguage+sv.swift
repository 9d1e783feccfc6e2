extension ReplyLanguage {
    /// Swedish.
    static let sv = ReplyLanguage(
        code: "sv",
        attributionOpeners: ["den "],
        attributionVerbs: ["skrev"],
        separators: ["ursprungligt meddelande", "vidarebefordrat meddelande", "originalmeddelande"],
        forwardIntros: ["vidarebefordrat brev:", "början på vidarebefordrat meddelande:"],
        fromFields: ["från"],
        otherFields: ["skickat", "till", "ämne", "datum", "kopia"],
        footerPrefixes: ["skickat från min ", "skickat från ", "hämta outlook för "])
}
