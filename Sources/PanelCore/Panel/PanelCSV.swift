import Foundation

/// One panelist as a municipality's CSV names them. Only `email` is required.
public struct PanelistRow: Sendable, Equatable {
    public var email: String
    public var name: String?
    public var ageBand: String?
    public var gender: String?
    public var district: String?
    public var education: String?

    public init(
        email: String, name: String? = nil, ageBand: String? = nil, gender: String? = nil,
        district: String? = nil, education: String? = nil
    ) {
        self.email = email
        self.name = name
        self.ageBand = ageBand
        self.gender = gender
        self.district = district
        self.education = education
    }
}

/// Every bad line of an import, so the whole file can be fixed in one pass.
public struct PanelImportError: Error, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var reason: String
    }
    /// In line order, whatever order they were found in.
    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
    }

    public var description: String {
        "nothing was imported; fix these lines and import the file again:\n"
            + problems.map { "  line \($0.line): \($0.reason)" }.joined(separator: "\n")
    }
}

/// Reads `email,name,age_band,gender,district,education` (columns in any order, only email required).
public enum PanelCSV {
    public static let knownColumns = ["email", "name", "age_band", "gender", "district", "education"]
    static let maxFieldLength = 200

    public static func parse(_ text: String) throws(PanelImportError) -> [PanelistRow] {
        let records = CSVReader.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = records.first else {
            throw PanelImportError(problems: [
                .init(
                    line: 1,
                    reason:
                        "the file is empty; the first line must be a header such as `email,name,age_band,gender,district,education`"
                )
            ])
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [PanelImportError.Problem] = []
        for column in columns where !knownColumns.contains(column) {
            problems.append(
                .init(
                    line: header.line,
                    reason: "unknown column `\(column)`; known columns are \(knownColumns.joined(separator: ", "))"))
        }
        if Set(columns).count != columns.count {
            problems.append(.init(line: header.line, reason: "a column is named twice"))
        }
        guard let emailColumn = columns.firstIndex(of: "email") else {
            problems.append(.init(line: header.line, reason: "the header has no `email` column"))
            throw PanelImportError(problems: problems)
        }
        if !problems.isEmpty { throw PanelImportError(problems: problems) }

        var rows: [PanelistRow] = []
        var firstLineOfEmail: [String: Int] = [:]
        for record in CSVReader.dataRecords(records, columnCount: columns.count, problems: &problems) {
            func value(_ column: String) -> String? {
                guard let index = columns.firstIndex(of: column) else { return nil }
                // An ESC or a right-to-left override in a name must not reach a terminal, a mail or a CSV.
                let trimmed = OutsideText.neutralised(record.fields[index]).trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? nil : trimmed
            }
            let email = (record.fields[emailColumn].trimmingCharacters(in: .whitespaces)).lowercased()
            if email.isEmpty {
                problems.append(.init(line: record.line, reason: "email is empty"))
                continue
            }
            guard EmailAddress.isPlausible(email) else {
                problems.append(.init(line: record.line, reason: "`\(email)` is not a valid e-mail address"))
                continue
            }
            if let earlier = firstLineOfEmail[email] {
                problems.append(.init(line: record.line, reason: "\(email) is already on line \(earlier)"))
                continue
            }
            var tooLong = false
            for column in columns where (value(column)?.count ?? 0) > maxFieldLength {
                problems.append(.init(line: record.line, reason: "`\(column)` is longer than \(maxFieldLength) characters"))
                tooLong = true
            }
            if tooLong { continue }
            firstLineOfEmail[email] = record.line
            rows.append(
                PanelistRow(
                    email: email, name: value("name"), ageBand: value("age_band"), gender: value("gender"),
                    district: value("district"), education: value("education")))
        }
        if !problems.isEmpty { throw PanelImportError(problems: problems) }
        if rows.isEmpty {
            throw PanelImportError(problems: [.init(line: 2, reason: "the file has a header but no panelists")])
        }
        return rows
    }
}

/// RFC 4180 records with their starting line numbers, tolerant of LF or CRLF and `;`-free Excel output.
enum CSVReader {
    struct Record {
        var line: Int
        var fields: [String]
        var error: String?
    }

    /// The records after the header with one field per column. Blank lines are skipped; a record the reader could
    /// not read, or with another number of fields, becomes a problem (`expected` names the columns in the message).
    static func dataRecords(
        _ records: [Record], columnCount: Int, expected: String? = nil, problems: inout [PanelImportError.Problem]
    ) -> [Record] {
        records.dropFirst().filter { record in
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return false }
            if let error = record.error {
                problems.append(.init(line: record.line, reason: error))
                return false
            }
            guard record.fields.count == columnCount else {
                let header = expected.map { "expected \(columnCount): \($0)" } ?? "the header has \(columnCount)"
                problems.append(.init(line: record.line, reason: "has \(record.fields.count) fields, \(header)"))
                return false
            }
            return true
        }
    }

    static func records(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var error: String?
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields, error: error))
            fields = []
            field = ""
            error = nil
        }
        var fieldStarted = false
        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where !fieldStarted && field.isEmpty:
                inQuotes = true
                fieldStarted = true
            case "\"":
                error = error ?? "a quote (\") inside an unquoted field; put the whole field in quotes and double the quote"
                field.unicodeScalars.append(scalar)
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = false
            case "\r":
                if let following = next(), following != "\n" { pending = following }
                line += 1
                endRecord()
                fieldStarted = false
                recordLine = line
            case "\n":
                line += 1
                endRecord()
                fieldStarted = false
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        if inQuotes { error = "a quoted field is not closed" }
        if !field.isEmpty || !fields.isEmpty || error != nil { endRecord() }
        return records
    }
}

/// A pragmatic check of an addr-spec: what a municipality's spreadsheet should contain.
public enum EmailAddress {
    public static func isPlausible(_ address: String) -> Bool {
        guard address.utf8.count <= 254, !address.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            return false
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."),
            !local.contains("..")
        else { return false }
        let allowedLocal = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+-/=?^_`{|}~")
        guard local.unicodeScalars.allSatisfy({ allowedLocal.contains($0) }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        let allowedLabel = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { allowedLabel.contains($0) }
        }
    }
}

/// Writing CSV that spreadsheet programs open safely.
public enum CSVField {
    /// A quoted RFC 4180 field; a leading =, +, -, @, tab or CR gets a ' so a spreadsheet never runs it
    /// as a formula (CSV injection).
    /// Characters that hide or reorder text (an ESC, a right-to-left override) are removed first (`OutsideText`).
    public static func quoted(_ text: String) -> String {
        let text = OutsideText.neutralised(text)
        let safe = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
