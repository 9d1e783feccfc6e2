import Foundation
import PanelMail

extension MailTemplates {
    /// The templates that ship (`MailTemplates/` of this checkout), pages included, loaded once for the route tests.
    static let shipped: MailTemplates = {
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return try! MailTemplates(directories: [root.appendingPathComponent("MailTemplates")])
    }()
}
