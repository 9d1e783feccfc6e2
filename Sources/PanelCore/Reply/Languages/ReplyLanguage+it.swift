extension ReplyLanguage {
    /// Italian.
    static let it = ReplyLanguage(
        code: "it",
        attributionOpeners: ["il "],
        attributionVerbs: ["ha scritto"],
        separators: ["messaggio originale", "messaggio inoltrato"],
        forwardIntros: ["inizio messaggio inoltrato:"],
        fromFields: ["da"],
        otherFields: ["inviato", "a", "oggetto", "data", "cc"],
        footerPrefixes: ["inviato da ", "inviato dal mio ", "scarica outlook per "])
}
