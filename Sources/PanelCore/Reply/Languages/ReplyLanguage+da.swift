extension ReplyLanguage {
    /// Danish.
    static let da = ReplyLanguage(
        code: "da",
        attributionOpeners: ["den "],
        attributionVerbs: ["skrev"],
        separators: ["oprindelig meddelelse", "videresendt meddelelse", "original meddelelse"],
        forwardIntros: ["start på videresendt besked:"],
        fromFields: ["fra"],
        otherFields: ["sendt", "til", "emne", "dato", "cc"],
        footerPrefixes: ["sendt fra min ", "sendt fra ", "hent outlook til "])
}
