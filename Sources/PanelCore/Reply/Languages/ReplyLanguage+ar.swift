extension ReplyLanguage {
    /// Arabic.
    static let ar = ReplyLanguage(
        code: "ar",
        attributionOpeners: ["في "],
        attributionVerbs: ["كتب", "كتبت", "بواسطة"],
        separators: ["الرسالة الأصلية", "رسالة مُعاد توجيهها", "رسالة معاد توجيهها"],
        fromFields: ["من"],
        otherFields: ["تاريخ الإرسال", "إلى", "الموضوع", "التاريخ", "نسخة"],
        footerPrefixes: ["أرسلت من ", "مرسل من ", "تم الإرسال من "])
}
