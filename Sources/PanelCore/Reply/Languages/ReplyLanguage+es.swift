extension ReplyLanguage {
    /// Spanish.
    static let es = ReplyLanguage(
        code: "es",
        attributionOpeners: ["el "],
        attributionVerbs: ["escribió"],
        separators: ["mensaje original", "mensaje reenviado"],
        forwardIntros: ["inicio del mensaje reenviado:"],
        fromFields: ["de"],
        otherFields: ["enviado", "para", "asunto", "fecha", "cc"],
        footerPrefixes: ["enviado desde mi ", "enviado con ", "obtener outlook para "])
}
