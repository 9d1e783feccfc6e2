import PanelCore

/// libFuzzer entry point: a municipality's panel CSV through `PanelCSV.parse`.
///
/// A crash, a trap or a hang (libFuzzer's -timeout) is a bug; `PanelImportError` is fine. What the parser accepts
/// must be what the rest of the app relies on: plausible lowercase addresses, no duplicates, no over-long fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var checksum = 0
    do {
        let rows = try PanelCSV.parse(text)
        if rows.isEmpty { fatalError("accepted a file without panelists") }
        var seen: Set<String> = []
        for row in rows {
            if !EmailAddress.isPlausible(row.email) { fatalError("accepted an implausible address") }
            if row.email != row.email.lowercased() { fatalError("address not lowercased") }
            if !seen.insert(row.email).inserted { fatalError("accepted a duplicate address") }
            for field in [row.name, row.ageBand, row.gender, row.district, row.education] {
                guard let field else { continue }
                if field.isEmpty || field.count > 200 { fatalError("field empty or longer than 200 characters") }
                checksum &+= field.utf8.count
            }
        }
    } catch {
        if error.problems.isEmpty { fatalError("PanelImportError without problems") }
        for problem in error.problems where problem.line < 1 { fatalError("problem on line \(problem.line)") }
        checksum &+= error.description.utf8.count
    }
    checksum &+= CSVField.quoted(text).utf8.count
    return checksum == -1 ? 1 : 0
}
