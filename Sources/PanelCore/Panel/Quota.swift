import Foundation

/// How many panel members may have one value of one category, e.g. `district=Noord` between 38 and 42.
public struct Quota: Sendable, Equatable, Codable, CustomStringConvertible {
    public var category: String
    public var value: String
    public var minimum: Int
    public var maximum: Int

    public init(category: String, value: String, minimum: Int, maximum: Int) {
        self.category = category
        self.value = value
        self.minimum = minimum
        self.maximum = maximum
    }

    /// `category=value`, as quotas are named in messages.
    public var description: String { "\(category)=\(value)" }

    /// The header a quota file must have.
    public static let header = ["category", "value", "min", "max"]

    /// Reads a quota file with the header `category,value,min,max`, reporting every bad line at once.
    public static func parse(_ text: String) throws(PanelImportError) -> [Quota] {
        let records = CSVReader.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let first = records.first, !first.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty })
        else {
            throw PanelImportError(problems: [
                .init(line: 1, reason: "the file is empty; the first line must be `category,value,min,max`")
            ])
        }
        let columns = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard columns == header else {
            throw PanelImportError(problems: [
                .init(
                    line: first.line,
                    reason: "the header must be exactly `category,value,min,max`, not `\(first.fields.joined(separator: ","))`")
            ])
        }
        var quotas: [Quota] = []
        var problems: [PanelImportError.Problem] = []
        var firstLineOfQuota: [String: Int] = [:]
        for record in CSVReader.dataRecords(records, columnCount: 4, expected: "category,value,min,max", problems: &problems) {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            var reasons: [String] = []
            if fields[0].isEmpty { reasons.append("category is empty") }
            if fields[1].isEmpty { reasons.append("value is empty") }
            let minimum = Int(fields[2])
            let maximum = Int(fields[3])
            if minimum == nil || minimum! < 0 { reasons.append("min `\(fields[2])` is not a whole number of 0 or more") }
            if maximum == nil || maximum! < 0 { reasons.append("max `\(fields[3])` is not a whole number of 0 or more") }
            if let minimum, let maximum, minimum > maximum {
                reasons.append("min \(minimum) is greater than max \(maximum)")
            }
            let quota = Quota(category: fields[0], value: fields[1], minimum: minimum ?? 0, maximum: maximum ?? 0)
            if reasons.isEmpty, let earlier = firstLineOfQuota[quota.category + "\u{1F}" + quota.value] {
                reasons.append("\(quota) is already on line \(earlier)")
            }
            guard reasons.isEmpty else {
                problems += reasons.map { .init(line: record.line, reason: $0) }
                continue
            }
            firstLineOfQuota[quota.category + "\u{1F}" + quota.value] = record.line
            quotas.append(quota)
        }
        if !problems.isEmpty { throw PanelImportError(problems: problems) }
        if quotas.isEmpty {
            throw PanelImportError(problems: [.init(line: 2, reason: "the file has a header but no quotas")])
        }
        return quotas
    }
}
