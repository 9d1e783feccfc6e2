import Foundation

/// A value in a line of command output that a person or a script reads (`key=value`, tab-separated): quoted when
/// it could be misread, that is when it is empty or holds a space, a tab, `=`, `"` or `\`; inside the quotes `"` and
/// `\` are escaped. `district=Oud Zuid` would read as a value `Oud` and a stray `Zuid`: it is written
/// `district="Oud Zuid"`.
public enum ListingValue {
    public static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { $0.isWhitespace || "=\"\\".contains($0) || $0.isNewline }
        if plain { return value }
        var escaped = ""
        for character in value {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return "\"" + escaped + "\""
    }
}
