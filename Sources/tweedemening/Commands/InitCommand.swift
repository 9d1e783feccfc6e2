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
        let written = !fileManager.fileExists(atPath: configPath)
        if written { try Configuration.defaultFile.write(toFile: configPath, atomically: true, encoding: .utf8) }
        let configuration: Configuration
        do {
            configuration = try Configuration.load(root: root)
        } catch CLIError.config(let problem) where written {
            // The fresh file's loopback base URL is refused outside a demo: say that the file is there to edit.
            throw CLIError.config(
                "\(problem)\n\(configPath) was written with the defaults: edit the lines marked CHANGE, "
                    + "then run `tweedemening init --root \(root.path)` again to create the key and the database")
        }
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
