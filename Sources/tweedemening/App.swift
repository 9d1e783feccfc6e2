import Foundation
import Logging
import MailFormat
import PanelCore
import PanelMail
import PanelStore

/// Everything a command needs, assembled once from the root folder: the one place that wires modules.
struct App {
    var configuration: Configuration
    var database: AppDatabase
    var spool: Spool
    var logger: Logger

    static func open(root: URL, logger: Logger) throws -> App {
        let configuration = try Configuration.load(root: root)
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            throw CLIError.config(
                "no database at \(configuration.databasePath); run `tweedemening init --root \(root.path)` first")
        }
        let database: AppDatabase
        do {
            database = try AppDatabase.open(path: configuration.databasePath, replication: configuration.replication)
        } catch {
            throw CLIError.unavailable("cannot open the database \(configuration.databasePath): \(error)")
        }
        let spool = Spool(root: URL(fileURLWithPath: configuration.spoolPath, isDirectory: true))
        try spool.prepare()
        return App(configuration: configuration, database: database, spool: spool, logger: logger)
    }

    func signer() throws -> TokenSigner {
        try SigningKeyFile.load(from: configuration.keyFilePath)
    }

    /// Templates shipped with the program, overridden file by file by `{root}/MailTemplates/`.
    func templates() throws -> MailTemplates {
        var directories: [URL] = []
        if let shipped = MailTemplates.shippedDirectory() { directories.append(shipped) }
        directories.append(configuration.root.appendingPathComponent("MailTemplates", isDirectory: true))
        do {
            return try MailTemplates(directories: directories, language: configuration.language)
        } catch {
            throw CLIError.config(error.description)
        }
    }

    /// The domain of deterministic Message-IDs: the sender's.
    var messageDomain: String {
        configuration.from.domain
    }

    func mailroom() throws -> Mailroom {
        Mailroom(
            database: database, spool: spool, signer: try signer(), messageDomain: messageDomain,
            moderatorAddress: configuration.moderatorAddress,
            addresses: IntakeAddresses(
                casesAddress: configuration.casesAddress, joinAddress: configuration.joinAddress,
                authservID: configuration.authservID),
            logger: logger)
    }

    func courier() throws -> Courier {
        var settings = MailSettings(
            from: configuration.from, returnPath: configuration.returnPath, baseURL: configuration.baseURL,
            timeZone: configuration.timeZone, replyDomain: configuration.replyDomain)
        settings.extensionDays = configuration.extensionDays
        settings.quorum = configuration.discussionPlan.quorum
        settings.moderatorAddress = configuration.moderatorAddress
        settings.joinAddress = configuration.joinAddress
        let composer = MessageComposer(templates: try templates(), signer: try signer(), settings: settings)
        return Courier(
            database: database, spool: spool, composer: composer, smtp: configuration.smtp, delivery: configuration.delivery,
            retry: RetryPolicy(expireAfter: configuration.retryExpireDays * 86_400),
            window: configuration.sendingWindow, handoff: try handoff(), logger: logger)
    }

    /// Dates and DKIM-signs each message as it leaves, with every key in `{root}/dkim/` (`keys dkim`).
    func handoff() throws -> Handoff {
        let signer = try DKIMKeyFiles.signer(root: configuration.root)
        if signer == nil {
            // Gmail and Yahoo refuse bulk mail without DKIM: a real deployment says so every run (cron mails it); a demo
            // or test on loopback only notes it.
            let metadata: Logger.Metadata = [
                "dkim.hint":
                    "create a key with `tweedemening keys dkim --selector S` and publish the TXT records it prints, or have the relay sign"
            ]
            if configuration.isLocalOnly {
                logger.info("dkim.unsigned", metadata: metadata)
            } else {
                logger.warning(
                    "dkim.unsigned: no DKIM key in \(configuration.root.path)/dkim/, mail goes out unsigned", metadata: metadata)
            }
        }
        return Handoff(signer: signer)
    }
}
