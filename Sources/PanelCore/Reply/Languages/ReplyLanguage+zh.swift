extension ReplyLanguage {
    /// Chinese (simplified and traditional).
    static let zh = ReplyLanguage(
        code: "zh",
        attributionOpeners: ["在 "],
        attributionVerbs: ["写道", "寫道"],
        separators: ["原始邮件", "原始郵件", "转发邮件", "轉寄郵件", "转发的邮件"],
        fromFields: ["发件人", "寄件者", "寄件人"],
        otherFields: ["发送时间", "寄件日期", "收件人", "收件者", "主题", "主旨", "日期", "抄送", "副本"],
        footerPrefixes: ["发自我的", "從我的", "从我的", "发自 ", "获取 outlook for "])
}
