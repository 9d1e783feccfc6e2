import ArgumentParser
import Foundation
import PanelMail
import PanelStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the root layout, a default tweedemening.toml, a signing key (0600) and the database. Safe to run twice."
    )

    @OptionGroup var options: RootOptions

    func run() throws {
        let root = options.url
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        let configPath = root.appendingPathComponent(Configuration.fileName).path
        if !fileManager.fileExists(atPath: configPath) {
            try Configuration.defaultFile.write(toFile: configPath, atomically: true, encoding: .utf8)
        }
        let configuration = try Configuration.load(root: root)
        if !fileManager.fileExists(atPath: configuration.keyFilePath) {
            try SigningKeyFile.create(at: configuration.keyFilePath)
        }
        _ = try SigningKeyFile.load(from: configuration.keyFilePath)
        try Spool(root: URL(fileURLWithPath: configuration.spoolPath, isDirectory: true)).prepare()
        do {
            _ = try AppDatabase.open(path: configuration.databasePath, replication: configuration.replication)
        } catch {
            throw CLIError.unavailable("cannot create the database \(configuration.databasePath): \(error)")
        }
    }
}
