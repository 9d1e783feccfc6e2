extension ReplyLanguage {
    /// Polish.
    static let pl = ReplyLanguage(
        code: "pl",
        attributionOpeners: ["w dniu ", "dnia "],
        attributionVerbs: ["napisał(a)", "napisał", "napisała", "pisze", "wiadomość napisana przez"],
        separators: ["wiadomość oryginalna", "oryginalna wiadomość", "przekazana wiadomość", "wiadomość przekazana dalej"],
        forwardIntros: ["początek przekazywanej wiadomości:"],
        fromFields: ["od"],
        otherFields: ["wysłane", "wysłano", "do", "temat", "data", "dw"],
        footerPrefixes: ["wysłane z ", "wysłano z ", "pobierz aplikację outlook"])
}
