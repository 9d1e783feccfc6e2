extension ReplyLanguage {
    /// French.
    static let fr = ReplyLanguage(
        code: "fr",
        attributionOpeners: ["le "],
        attributionVerbs: ["a écrit"],
        separators: ["message d'origine", "message transféré", "message original", "message d’origine"],
        forwardIntros: ["début du message réexpédié :", "début du message transféré :"],
        fromFields: ["de"],
        otherFields: ["envoyé", "à", "objet", "date", "cc"],
        footerPrefixes: ["envoyé de mon ", "envoyé depuis mon ", "envoyé à partir de ", "télécharger outlook pour "])
}
