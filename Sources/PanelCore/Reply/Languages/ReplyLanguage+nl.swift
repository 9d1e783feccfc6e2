extension ReplyLanguage {
    /// Dutch.
    static let nl = ReplyLanguage(
        code: "nl",
        attributionOpeners: ["op "],
        attributionVerbs: ["schreef", "het volgende geschreven", "geschreven"],
        separators: ["oorspronkelijk bericht", "origineel bericht", "doorgestuurd bericht", "oorspronkelijke bericht"],
        forwardIntros: ["begin doorgestuurd bericht:", "doorgestuurd bericht:"],
        fromFields: ["van"],
        otherFields: ["verzonden", "datum", "aan", "onderwerp", "beantwoorden aan", "cc", "bcc"],
        footerPrefixes: [
            "verzonden vanaf mijn ", "verstuurd vanaf mijn ", "verzonden vanuit outlook", "verstuurd vanuit outlook",
            "verzonden vanuit mijn ", "verstuurd vanuit mijn ", "verzonden met de mail-app", "verzonden met mail voor",
            "verzonden vanuit mail voor", "verzonden vanaf mail voor", "verzonden vanaf outlook", "verstuurd met de mail-app",
            "outlook voor android downloaden", "outlook voor ios downloaden", "download outlook voor",
            "verzonden met yahoo mail", "verzonden vanaf samsung",
        ])
}
