extension ReplyLanguage {
    /// German.
    static let de = ReplyLanguage(
        code: "de",
        attributionOpeners: ["am "],
        attributionVerbs: ["schrieb", "geschrieben"],
        separators: ["ursprüngliche nachricht", "weitergeleitete nachricht", "original-nachricht"],
        forwardIntros: ["anfang der weitergeleiteten nachricht:"],
        fromFields: ["von"],
        otherFields: ["gesendet", "an", "betreff", "datum", "cc"],
        footerPrefixes: ["gesendet von meinem", "von meinem iphone gesendet", "gesendet mit der", "outlook für "])
}
