import PanelCore

/// libFuzzer entry point: a case file as a municipality might upload it, through the parser and the pre-approval check.
///
/// A crash, a trap or a hang (libFuzzer's -timeout) is a bug; `CaseFileError` is fine. The check must block every
/// file the parser rejects: its parse problems become blocking completeness findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func caseFileFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var checksum = 0
    let parsed: CaseFile?
    do {
        parsed = try CaseFile.parse(text)
    } catch {
        parsed = nil
        if error.problems.isEmpty { fatalError("CaseFileError without problems") }
        checksum &+= error.description.utf8.count
    }
    if let parsed {
        for field in [parsed.title, parsed.domain, parsed.consentReference] where field.isEmpty {
            fatalError("accepted a case file with an empty front-matter field")
        }
        for section in CaseSection.allCases where parsed[section].isEmpty {
            fatalError("accepted a case file with an empty section `\(section.rawValue)`")
        }
    }
    let report = CaseCheck.check(text)
    if parsed == nil, !report.hasBlocking { fatalError("the check lets through a case file the parser rejects") }
    for finding in report.findings {
        if let line = finding.line, line < 1 { fatalError("finding on line \(line)") }
        checksum &+= finding.excerpt.utf8.count &+ finding.message.utf8.count &+ (finding.suggestion?.utf8.count ?? 0)
    }
    for (_, score) in report.readability where score.isNaN { fatalError("readability score is NaN") }
    return checksum == -1 ? 1 : 0
}
