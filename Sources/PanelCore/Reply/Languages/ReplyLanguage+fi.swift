extension ReplyLanguage {
    /// Finnish.
    static let fi = ReplyLanguage(
        code: "fi",
        attributionVerbs: ["kirjoitti"],
        separators: ["alkuperäinen viesti", "välitetty viesti"],
        forwardIntros: ["välitetty viesti alkaa:"],
        fromFields: ["lähettäjä"],
        otherFields: ["lähetetty", "vastaanottaja", "aihe", "päivämäärä", "kopio"],
        footerPrefixes: ["lähetetty iphonesta", "lähetetty ", "hanki outlook "])
}
