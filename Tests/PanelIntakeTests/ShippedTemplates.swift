import Foundation
import PanelMail

extension MailTemplates {
    /// `MailTemplates/` of this checkout: the templates that ship.
    static let shippedFolder: URL = {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return root.appendingPathComponent("MailTemplates")
    }()

    /// The shipped templates, pages included, loaded once for the route tests.
    static let shipped: MailTemplates = try! MailTemplates(directories: [shippedFolder])
}
