import Foundation
import Mustache
import PanelCore

/// The Mustache templates of one language, loaded once at start: mails and the intake's web pages.
///
/// Each kind of mail has three templates: `{kind}-subject`, `{kind}-text` and `{kind}-html`; HTML mails
/// share the partial `layout-html`. Web pages are `page-*` inside `page-layout` (`pageNames`). Files in later directories override files of the same name in earlier
/// ones, so an operator can change one template in `{root}/MailTemplates/nl/` and keep the rest.
public struct MailTemplates: Sendable {
    public let language: String
    let library: MustacheLibrary

    /// The templates of the intake's web pages (PanelIntake's `Page`).
    public static let pageNames = [
        "page-layout", "page-message", "page-ballot", "page-moderate", "page-pause", "page-case-review",
        "page-case-findings",
    ]

    public static func requiredNames(for kind: MailKind) -> [String] {
        ["\(kind.rawValue)-subject", "\(kind.rawValue)-text", "\(kind.rawValue)-html"]
    }

    /// Loads `{dir}/{language}/*.mustache` from each directory in order. Every template every kind needs
    /// must be present: a missing template is an error at start, never an empty mail later.
    public init(directories: [URL], language: String = "nl") throws(MailTemplateError) {
        self.language = language
        var library = MustacheLibrary()
        var found = Set<String>()
        let fileManager = FileManager.default
        for directory in directories {
            let folder = directory.appendingPathComponent(language, isDirectory: true)
            guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { continue }
            for file in names.sorted() where file.hasSuffix(".mustache") {
                let name = String(file.dropLast(".mustache".count))
                let url = folder.appendingPathComponent(file)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw .unreadable(url.path)
                }
                do {
                    try library.register(text, named: name)
                } catch {
                    throw .invalid(url.path, String(describing: error))
                }
                found.insert(name)
            }
        }
        let needed = MailKind.allCases.flatMap(Self.requiredNames) + ["layout-html"] + Self.pageNames
        let missing = needed.filter { !found.contains($0) }
        guard missing.isEmpty else {
            throw .missing(missing, searched: directories.map { $0.appendingPathComponent(language).path })
        }
        self.library = library
    }

    public func render(_ name: String, _ context: [String: Any]) throws(MailTemplateError) -> String {
        guard let output = library.render(context, withTemplate: name) else { throw .missing([name], searched: []) }
        return output
    }

    /// Where the templates that ship with the program are: `TWEEDEMENING_TEMPLATES`, else the first
    /// `MailTemplates` folder found walking up from the executable (a source checkout), else the installed copy.
    public static func shippedDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment["TWEEDEMENING_TEMPLATES"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("MailTemplates", isDirectory: true))
            directory.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: "/usr/local/share/tweedemening/MailTemplates", isDirectory: true))
        candidates.append(URL(fileURLWithPath: "/usr/share/tweedemening/MailTemplates", isDirectory: true))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("nl").path) }
    }
}

public enum MailTemplateError: Error, Equatable, CustomStringConvertible {
    case missing([String], searched: [String])
    case unreadable(String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case .missing(let names, let searched):
            "mail templates missing: \(names.joined(separator: ", "))"
                + (searched.isEmpty
                    ? ""
                    : " (looked in \(searched.joined(separator: ", ")); set TWEEDEMENING_TEMPLATES to the MailTemplates folder)")
        case .unreadable(let path): "cannot read mail template \(path) as UTF-8"
        case .invalid(let path, let reason): "mail template \(path) is not valid Mustache: \(reason)"
        }
    }
}
