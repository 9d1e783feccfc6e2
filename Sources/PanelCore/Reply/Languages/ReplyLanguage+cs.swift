extension ReplyLanguage {
    /// Czech.
    static let cs = ReplyLanguage(
        code: "cs",
        attributionOpeners: ["dne "],
        attributionVerbs: ["napsal(a)", "napsal", "napsala"],
        separators: ["původní zpráva", "přeposlaná zpráva", "původní e-mailová zpráva"],
        forwardIntros: ["začátek přeposlané zprávy:"],
        fromFields: ["od"],
        otherFields: ["odesláno", "komu", "předmět", "datum", "kopie"],
        footerPrefixes: ["odesláno z ", "odeslané z ", "stáhněte si outlook pro "])
}
