extension ReplyLanguage {
    /// Romanian.
    static let ro = ReplyLanguage(
        code: "ro",
        attributionOpeners: ["la ", "în "],
        attributionVerbs: ["a scris"],
        separators: ["mesaj original", "mesaj redirecționat", "mesajul original"],
        forwardIntros: ["începutul mesajului redirecționat:"],
        fromFields: ["de la"],
        otherFields: ["trimis", "către", "subiect", "data", "cc"],
        footerPrefixes: ["trimis de pe ", "trimis din ", "obțineți outlook pentru "])
}
