import Foundation

/// One person in a municipality's register extract: its own reference, an optional household, and every field as
/// given, so the mail merge gets back exactly what was sent.
public struct RegisterRow: Sendable, Equatable {
    /// The line of the extract the row starts on.
    public var line: Int
    /// The municipality's reference (e.g. an anonymous row number); unique in the extract.
    public var id: String
    /// People with the same non-empty household (an address key) get at most one invitation between them.
    public var household: String?
    /// All fields in the order of `RegisterExtract.columns`, untrimmed.
    public var fields: [String]
}

/// A register extract as CSV: a required `id` column, an optional `household` column and any other columns (name,
/// street, …), which are the municipality's business and are only passed through to the mail merge.
public struct RegisterExtract: Sendable, Equatable {
    /// The header as written, in file order.
    public var columns: [String]
    public var rows: [RegisterRow]

    /// The column the draw adds; an extract may not have it already.
    public static let codeColumn = "code"

    /// Reads an extract, reporting every bad line at once.
    public static func parse(_ text: String) throws(PanelImportError) -> RegisterExtract {
        let records = CSVReader.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = records.first, !header.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty })
        else {
            throw PanelImportError(problems: [
                .init(
                    line: 1,
                    reason:
                        "the file is empty; the first line must be a header with an `id` column, e.g. `id,household,name,street`")
            ])
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let keys = columns.map { $0.lowercased() }
        var problems: [PanelImportError.Problem] = []
        if let error = header.error { problems.append(.init(line: header.line, reason: error)) }
        for (index, key) in keys.enumerated() {
            if key.isEmpty {
                problems.append(.init(line: header.line, reason: "column \(index + 1) has no name; name it or remove it"))
            } else if keys[..<index].contains(key) {
                problems.append(.init(line: header.line, reason: "column `\(columns[index])` is named twice"))
            }
        }
        if keys.contains(codeColumn) {
            problems.append(
                .init(line: header.line, reason: "the extract already has a `code` column; rename it, the draw adds its own"))
        }
        guard let idColumn = keys.firstIndex(of: "id") else {
            problems.append(
                .init(line: header.line, reason: "the header has no `id` column (the municipality's own reference per person)"))
            throw PanelImportError(problems: problems)
        }
        if !problems.isEmpty { throw PanelImportError(problems: problems) }
        let householdColumn = keys.firstIndex(of: "household")

        var rows: [RegisterRow] = []
        var firstLineOfID: [String: Int] = [:]
        for record in CSVReader.dataRecords(records, columnCount: columns.count, problems: &problems) {
            let id = record.fields[idColumn].trimmingCharacters(in: .whitespaces)
            if id.isEmpty {
                problems.append(.init(line: record.line, reason: "id is empty"))
                continue
            }
            if let earlier = firstLineOfID[id] {
                problems.append(.init(line: record.line, reason: "id \(id) is already on line \(earlier)"))
                continue
            }
            firstLineOfID[id] = record.line
            let household = householdColumn.map { record.fields[$0].trimmingCharacters(in: .whitespaces) }
            rows.append(
                RegisterRow(
                    line: record.line, id: id, household: household?.isEmpty == false ? household : nil,
                    fields: record.fields))
        }
        if !problems.isEmpty { throw PanelImportError(problems: problems) }
        if rows.isEmpty {
            throw PanelImportError(problems: [.init(line: 2, reason: "the file has a header but no people")])
        }
        return RegisterExtract(columns: columns, rows: rows)
    }

    /// How many invitations the extract allows: one per household, people without one each their own household.
    public var householdCount: Int {
        var households = Set<String>()
        var single = 0
        for row in rows {
            if let household = row.household { households.insert(household) } else { single += 1 }
        }
        return households.count + single
    }
}
