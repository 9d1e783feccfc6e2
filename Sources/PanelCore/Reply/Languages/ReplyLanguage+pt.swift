extension ReplyLanguage {
    /// Portuguese.
    static let pt = ReplyLanguage(
        code: "pt",
        attributionOpeners: ["em "],
        attributionVerbs: ["escreveu"],
        separators: ["mensagem original", "mensagem encaminhada"],
        forwardIntros: ["início da mensagem reencaminhada:", "início da mensagem encaminhada:"],
        fromFields: ["de"],
        otherFields: ["enviado", "enviada", "para", "assunto", "data", "cc"],
        footerPrefixes: ["enviado do meu ", "enviado de meu ", "enviado a partir do ", "obter o outlook para "])
}
