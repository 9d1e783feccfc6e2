import GRDB

extension AppDatabase {
    /// Named migrations. Never edit a shipped one: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: municipalities, panel, cases, rounds, votes, outbox") { db in
            try db.create(table: "municipality") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("email", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "panelist") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("municipality", onDelete: .cascade).notNull()
                t.column("email", .text).notNull()
                t.column("name", .text)
                t.column("ageBand", .text)
                t.column("gender", .text)
                t.column("district", .text)
                t.column("education", .text)
                t.column("status", .text).notNull().defaults(to: "active")
                    .check { ["active", "unsubscribed"].contains($0) }
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.uniqueKey(["municipalityId", "email"])
            }
            try db.create(table: "panelCase") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("municipality", onDelete: .restrict).notNull()
                t.column("title", .text).notNull()
                t.column("domain", .text).notNull()
                t.column("consentReference", .text).notNull()
                t.column("decision", .text).notNull()
                t.column("municipalityView", .text).notNull()
                t.column("applicantView", .text).notNull()
                t.column("framework", .text).notNull()
                t.column("question", .text).notNull()
                t.column("source", .text).notNull()
                t.column("status", .text).notNull().check { ["submitted", "approved"].contains($0) }
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "round") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("caseId", .integer).notNull().unique()
                    .references("panelCase", onDelete: .cascade)
                t.column("state", .text).notNull()
                    .check { ["scheduled", "discussion", "voting", "closed"].contains($0) }
                t.column("publishAt", .datetime).notNull()
                t.column("voteAt", .datetime).notNull()
                t.column("voteReminderAt", .datetime).notNull()
                t.column("deadline", .datetime).notNull()
                t.column("publishedAt", .datetime)
                t.column("votingOpenedAt", .datetime)
                t.column("reminderSentAt", .datetime)
                t.column("closedAt", .datetime)
                t.column("panelSize", .integer)
                t.column("supportCount", .integer)
                t.column("opposeCount", .integer)
                t.column("verdict", .text)
            }
            // The panel of a round is fixed when it is published: who joins later waits for the next case.
            try db.create(table: "roundMember") { t in
                t.column("roundId", .integer).notNull().references("round", onDelete: .cascade)
                t.column("panelistId", .integer).notNull().references("panelist", onDelete: .cascade)
                t.primaryKey(["roundId", "panelistId"])
            }
            try db.create(table: "vote") { t in
                t.column("roundId", .integer).notNull()
                t.column("panelistId", .integer).notNull()
                t.column("choice", .text).notNull().check { ["support", "oppose"].contains($0) }
                t.column("castAt", .datetime).notNull()
                t.column("changes", .integer).notNull().defaults(to: 0)
                t.primaryKey(["roundId", "panelistId"])
                t.foreignKey(["roundId", "panelistId"], references: "roundMember", onDelete: .cascade)
            }
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("roundId", .integer).notNull().references("round", onDelete: .cascade)
                t.column("panelistId", .integer).references("panelist", onDelete: .setNull)
                t.column("municipalityId", .text).references("municipality", onDelete: .setNull)
                t.column("recipientKey", .text).notNull()
                t.column("toAddress", .text).notNull()
                t.column("messageId", .text).notNull().unique()
                t.column("state", .text).notNull()
                    .check { ["pending", "queued", "deferred", "sent", "failed"].contains($0) }
                t.column("createdAt", .datetime).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .datetime)
                t.column("lastCode", .integer)
                t.column("lastError", .text)
                t.column("sentAt", .datetime)
                // One message per purpose, round and recipient: re-running a transition adds nothing.
                t.uniqueKey(["kind", "roundId", "recipientKey"])
            }
            try db.create(index: "outbox_on_state_nextAttemptAt", on: "outbox", columns: ["state", "nextAttemptAt"])
        }
        return migrator
    }
}
