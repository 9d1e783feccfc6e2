extension ReplyLanguage {
    /// Norwegian.
    static let no = ReplyLanguage(
        code: "no",
        attributionOpeners: ["den "],
        attributionVerbs: ["skrev"],
        separators: ["opprinnelig melding", "videresendt melding", "originalmelding"],
        forwardIntros: ["begynnelse på videresendt melding:"],
        fromFields: ["fra"],
        otherFields: ["sendt", "til", "emne", "dato", "kopi"],
        footerPrefixes: ["sendt fra min ", "sendt fra ", "få outlook for "])
}
