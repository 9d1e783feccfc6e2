import Foundation
import GRDB
import PanelCore

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
        migrator.registerMigration("v2: discussion: inbound mail, arguments, pseudonyms, digests") { db in
            try db.alter(table: "round") { t in
                t.add(column: "digestsSent", .integer).notNull().defaults(to: 0)
                t.add(column: "replyReminderSentAt", .datetime)
            }
            try db.alter(table: "roundMember") { t in
                t.add(column: "wantsDigest", .boolean).notNull().defaults(to: true)
                t.add(column: "wantsReminder", .boolean).notNull().defaults(to: true)
                // "Deelnemer 14": numbered in order of first contribution, stable within the case.
                t.add(column: "pseudonym", .integer)
            }
            try db.create(index: "roundMember_on_pseudonym", on: "roundMember", columns: ["roundId", "pseudonym"], unique: true)
            // Every message that reached us, raw, with what became of it.
            try db.create(table: "inbound") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("spoolName", .text).notNull().unique()
                t.column("receivedAt", .datetime).notNull()
                t.column("messageId", .text)
                t.column("fromAddress", .text)
                t.column("roundId", .integer).references("round", onDelete: .setNull)
                t.column("panelistId", .integer).references("panelist", onDelete: .setNull)
                t.column("disposition", .text).notNull()
                t.column("detail", .text)
                t.column("raw", .blob).notNull()
            }
            try db.create(table: "argument") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("roundId", .integer).notNull().references("round", onDelete: .cascade)
                t.column("panelistId", .integer).notNull().references("panelist", onDelete: .cascade)
                t.column("number", .integer).notNull()
                t.column("parentNumber", .integer)
                t.column("text", .text).notNull()
                t.column("status", .text).notNull().check { ["published", "held", "rejected"].contains($0) }
                t.column("flags", .text).notNull().defaults(to: "")
                t.column("createdAt", .datetime).notNull()
                t.column("inboundId", .integer).references("inbound", onDelete: .setNull)
                t.column("digestNumber", .integer)
                t.uniqueKey(["roundId", "number"])
            }
            // The outbox gains a sequence (several digests or acknowledgements per recipient and round)
            // and links to what a message is about. SQLite cannot change a unique key in place: rebuild.
            try db.create(table: "outbox_v2") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("roundId", .integer).notNull().references("round", onDelete: .cascade)
                t.column("panelistId", .integer).references("panelist", onDelete: .setNull)
                t.column("municipalityId", .text).references("municipality", onDelete: .setNull)
                t.column("recipientKey", .text).notNull()
                t.column("sequence", .integer).notNull().defaults(to: 0)
                t.column("argumentId", .integer).references("argument", onDelete: .setNull)
                t.column("inboundId", .integer).references("inbound", onDelete: .setNull)
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
                t.uniqueKey(["kind", "roundId", "recipientKey", "sequence"])
            }
            try db.execute(
                sql: """
                    INSERT INTO outbox_v2 (id, kind, roundId, panelistId, municipalityId, recipientKey, sequence, toAddress,
                      messageId, state, createdAt, attempts, nextAttemptAt, lastCode, lastError, sentAt)
                    SELECT id, kind, roundId, panelistId, municipalityId, recipientKey, 0, toAddress,
                      messageId, state, createdAt, attempts, nextAttemptAt, lastCode, lastError, sentAt FROM outbox
                    """)
            try db.drop(table: "outbox")
            try db.rename(table: "outbox_v2", to: "outbox")
            try db.create(index: "outbox_on_state_nextAttemptAt", on: "outbox", columns: ["state", "nextAttemptAt"])
        }
        migrator.registerMigration("v3: questions to the municipality and their answers") { db in
            try db.alter(table: "round") { t in
                t.add(column: "questionMailsSent", .integer).notNull().defaults(to: 0)
                t.add(column: "questionsMailedAt", .datetime)
            }
            try db.create(table: "question") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("roundId", .integer).notNull().references("round", onDelete: .cascade)
                t.column("number", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("askCount", .integer).notNull().defaults(to: 1)
                t.column("createdAt", .datetime).notNull()
                // Which question mail to the municipality carried it.
                t.column("mailNumber", .integer)
                t.column("answer", .text)
                t.column("answerStatus", .text).check { $0 == nil || ["published", "held", "rejected"].contains($0) }
                t.column("answerFlags", .text)
                t.column("answeredAt", .datetime)
                // Which digest carried the answer to the panel.
                t.column("answerDigestNumber", .integer)
                t.uniqueKey(["roundId", "number"])
            }
            try db.create(table: "questionAsker") { t in
                t.column("questionId", .integer).notNull().references("question", onDelete: .cascade)
                t.column("panelistId", .integer).notNull().references("panelist", onDelete: .cascade)
                t.column("inboundId", .integer).references("inbound", onDelete: .setNull)
                t.primaryKey(["questionId", "panelistId"])
            }
        }
        migrator.registerMigration("v4: discussion extensions") { db in
            try db.alter(table: "round") { t in
                t.add(column: "extensions", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v5: the municipality's follow-up") { db in
            try db.alter(table: "round") { t in
                t.add(column: "followUp", .text)
                t.add(column: "followUpDecision", .text)
                t.add(column: "followUpAt", .datetime)
                t.add(column: "followUpReminderSentAt", .datetime)
                t.add(column: "followUpReportedAt", .datetime)
                t.add(column: "noAnswerReportedAt", .datetime)
            }
        }
        migrator.registerMigration("v6: the verdict's argumentation snapshot") { db in
            try db.alter(table: "round") { t in
                // JSON of VerdictDigest: themes per side, quotes, learning prompts; fixed at the deadline.
                t.add(column: "argumentation", .text)
            }
        }
        migrator.registerMigration("v7: panel evaluation") { db in
            try db.create(table: "evaluation") { t in
                t.column("roundId", .integer).notNull().references("round", onDelete: .cascade)
                t.column("panelistId", .integer).notNull().references("panelist", onDelete: .cascade)
                t.column("question", .text).notNull().check { ["satisfaction", "trust", "information"].contains($0) }
                t.column("answer", .text).notNull()
                t.column("answeredAt", .datetime).notNull()
                t.primaryKey(["roundId", "panelistId", "question"])
            }
        }
        migrator.registerMigration("v8: population margins and the weighted verdict") { db in
            try db.create(table: "margin") { t in
                t.belongsTo("municipality", onDelete: .cascade).notNull()
                t.column("variable", .text).notNull().check { ["age_band", "gender", "district"].contains($0) }
                t.column("category", .text).notNull()
                t.column("share", .double).notNull().check { $0 >= 0 && $0 <= 1 }
                t.primaryKey(["municipalityId", "variable", "category"])
            }
            try db.alter(table: "round") { t in
                t.add(column: "weightedSupport", .double)
                t.add(column: "weightedLower", .double)
                t.add(column: "weightedUpper", .double)
                t.add(column: "effectiveVotes", .double)
            }
        }
        migrator.registerMigration("v9: case versions and review by mail; intake mail outside a round; held mail") { db in
            // Every version of a case as submitted; panelCase holds the newest one's sections.
            try db.create(table: "caseVersion") { t in
                t.column("caseId", .integer).notNull().references("panelCase", onDelete: .cascade)
                t.column("version", .integer).notNull()
                t.column("source", .text).notNull()
                t.column("submittedAt", .datetime).notNull()
                t.column("via", .text).notNull().check { ["cli", "mail"].contains($0) }
                t.column("fromAddress", .text)
                t.column("returnedAt", .datetime)
                t.column("returnReason", .text)
                t.primaryKey(["caseId", "version"])
            }
            try db.execute(
                sql: """
                    INSERT INTO caseVersion (caseId, version, source, submittedAt, via)
                    SELECT id, 1, source, createdAt, 'cli' FROM panelCase
                    """)
            try db.alter(table: "panelCase") { t in
                t.add(column: "version", .integer).notNull().defaults(to: 1)
            }
            try db.alter(table: "municipality") { t in
                // SHA-256 (hex) of the secret a municipality may put in a case mail when DKIM/SPF cannot vouch for it.
                t.add(column: "submissionSecretHash", .text)
            }
            try db.alter(table: "round") { t in
                t.add(column: "timelineName", .text)
                // Panelists to draw when the case needs only part of the panel; NULL: everyone eligible.
                t.add(column: "panelTarget", .integer)
            }
            try db.alter(table: "inbound") { t in
                t.add(column: "caseId", .integer).references("panelCase", onDelete: .setNull)
            }
            // Mail about a case under review belongs to no round; the moderator can hold mail. Rebuild.
            try db.create(table: "outbox_v9") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("roundId", .integer).references("round", onDelete: .cascade)
                t.column("caseId", .integer).references("panelCase", onDelete: .cascade)
                t.column("panelistId", .integer).references("panelist", onDelete: .setNull)
                t.column("municipalityId", .text).references("municipality", onDelete: .setNull)
                t.column("recipientKey", .text).notNull()
                t.column("sequence", .integer).notNull().defaults(to: 0)
                t.column("argumentId", .integer).references("argument", onDelete: .setNull)
                t.column("inboundId", .integer).references("inbound", onDelete: .setNull)
                t.column("toAddress", .text).notNull()
                // Deterministic, and unique: for intake mail (no round) the idempotency key.
                t.column("messageId", .text).notNull().unique()
                t.column("state", .text).notNull()
                    .check { ["pending", "queued", "deferred", "sent", "failed", "held"].contains($0) }
                t.column("createdAt", .datetime).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .datetime)
                t.column("lastCode", .integer)
                t.column("lastError", .text)
                t.column("sentAt", .datetime)
                t.uniqueKey(["kind", "roundId", "recipientKey", "sequence"])
                t.check(sql: "roundId IS NOT NULL OR caseId IS NOT NULL OR inboundId IS NOT NULL")
            }
            try db.execute(
                sql: """
                    INSERT INTO outbox_v9 (id, kind, roundId, caseId, panelistId, municipalityId, recipientKey, sequence,
                      argumentId, inboundId, toAddress, messageId, state, createdAt, attempts, nextAttemptAt, lastCode,
                      lastError, sentAt)
                    SELECT o.id, o.kind, o.roundId, r.caseId, o.panelistId, o.municipalityId, o.recipientKey, o.sequence,
                      o.argumentId, o.inboundId, o.toAddress, o.messageId, o.state, o.createdAt, o.attempts, o.nextAttemptAt,
                      o.lastCode, o.lastError, o.sentAt
                    FROM outbox o LEFT JOIN round r ON r.id = o.roundId
                    """)
            try db.drop(table: "outbox")
            try db.rename(table: "outbox_v9", to: "outbox")
            try db.create(index: "outbox_on_state_nextAttemptAt", on: "outbox", columns: ["state", "nextAttemptAt"])
            // "Did this panelist get a case mail today?" at publication.
            try db.create(index: "outbox_on_panelist_kind", on: "outbox", columns: ["panelistId", "kind", "createdAt"])
        }
        migrator.registerMigration("v10: recruitment, pauses, bounces and erasure") { db in
            // One row per person drawn from the register: the code only, never a name or address.
            try db.create(table: "invitation") { t in
                t.column("code", .text).primaryKey()
                t.belongsTo("municipality", onDelete: .cascade).notNull()
                // The municipality's own row reference in its extract, to trace a code back on its side.
                t.column("registerId", .text).notNull()
                t.column("household", .text)
                t.column("seed", .integer).notNull()
                t.column("drawnAt", .datetime).notNull()
                t.column("usedAt", .datetime)
            }
            // A resident who joined with a code: answers the background questions, confirms, may be selected.
            try db.create(table: "volunteer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("municipality", onDelete: .cascade).notNull()
                t.column("email", .text).notNull()
                t.column("invitationCode", .text).references("invitation", onDelete: .setNull)
                t.column("household", .text)
                // JSON object category → value, from the one-click answers.
                t.column("answers", .text).notNull().defaults(to: "{}")
                t.column("status", .text).notNull().defaults(to: "pending")
                    .check { ["pending", "confirmed", "selected", "withdrawn"].contains($0) }
                t.column("createdAt", .datetime).notNull()
                t.column("confirmedAt", .datetime)
                t.column("selectedAt", .datetime)
                t.uniqueKey(["municipalityId", "email"])
            }
            try db.alter(table: "panelist") { t in
                t.add(column: "household", .text)
                t.add(column: "volunteerId", .integer).references("volunteer", onDelete: .setNull)
                t.add(column: "termEndsAt", .datetime)
                t.add(column: "pausedUntil", .datetime)
                // Delivery problems: a hard bounce suspends at once; soft ones count once a day.
                t.add(column: "suspendedAt", .datetime)
                t.add(column: "suspendReason", .text)
                t.add(column: "softBounces", .integer).notNull().defaults(to: 0)
                t.add(column: "lastSoftBounceAt", .datetime)
                // Set when the person asked to be erased: the row stays (votes stay counted) without any personal data.
                t.add(column: "erasedAt", .datetime)
            }
            // Per municipality, the background questions a joining resident answers; none: the defaults.
            try db.create(table: "backgroundQuestion") { t in
                t.belongsTo("municipality", onDelete: .cascade).notNull()
                t.column("category", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("value", .text).notNull()
                t.primaryKey(["municipalityId", "category", "value"])
            }
            try db.alter(table: "round") { t in
                // Personal data of a closed round (raw mail, addresses) removed after the retention period.
                t.add(column: "personalDataRemovedAt", .datetime)
            }
        }
        migrator.registerMigration("v11: the audit log") { db in
            // Append-only and hash-chained: each entry's hash covers the previous hash and its own fields, so
            // `audit verify` finds any edit; the triggers refuse UPDATE and DELETE through SQLite.
            try db.create(table: "auditLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("detail", .text).notNull().defaults(to: "")
                t.column("previousHash", .text).notNull()
                t.column("hash", .text).notNull().unique()
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER auditLog_no_update BEFORE UPDATE ON auditLog
                      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER auditLog_no_delete BEFORE DELETE ON auditLog
                      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
        }
        migrator.registerMigration("v12: the municipality's staff, whose names are masked") { db in
            try db.alter(table: "municipality") { t in
                // One name per line: the case officers who answer questions and write follow-ups.
                t.add(column: "staffNames", .text)
            }
        }
        migrator.registerMigration("v13: one-time links") { db in
            // Links whose action must happen once (extend the discussion): the SHA-256 of each link used.
            try db.create(table: "usedLink") { t in
                t.column("hash", .text).primaryKey()
                t.column("usedAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v14: the order in which votes were received") { db in
            try db.alter(table: "vote") { t in
                // `VoteSequence` of the stored vote: a vote received earlier never replaces it (0: before v14).
                t.add(column: "sequence", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v15: the installation's Message-ID salt") { db in
            try db.create(table: "installation") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                // Random per database: Message-IDs (`MessageID.make`) of two installations never meet.
                t.column("messageIdSalt", .blob).notNull()
            }
            try db.execute(
                sql: "INSERT INTO installation (id, messageIdSalt) VALUES (1, ?)", arguments: [Data(MessageID.newSalt())])
        }
        migrator.registerMigration("v16: panel draws, reserves and empty seats; who took part per group") { db in
            // Every `panel select`: its inputs and outcome (`SelectionRecord` as JSON), so `panel audit` can repeat it.
            try db.create(table: "selectionRun") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("municipality", onDelete: .cascade).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("record", .text).notNull()
            }
            // The reserve list of a draw, in order; a reserve is invited when a seat falls empty.
            try db.create(table: "reserve") { t in
                t.belongsTo("selectionRun", onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.column("volunteerId", .integer).notNull().references("volunteer", onDelete: .cascade)
                t.column("status", .text).notNull().defaults(to: "waiting")
                    .check { ["waiting", "invited", "seated", "lapsed", "gone"].contains($0) }
                t.column("invitedAt", .datetime)
                t.column("answeredAt", .datetime)
                t.primaryKey(["selectionRunId", "position"])
            }
            // A seat that fell empty (hard bounce, unsubscribed, silent through two rounds) and who filled it.
            try db.create(table: "vacancy") { t in
                t.primaryKey("panelistId", .integer).references("panelist", onDelete: .cascade)
                t.belongsTo("municipality", onDelete: .cascade).notNull()
                t.column("reason", .text).notNull().check { ["bounced", "unsubscribed", "silent"].contains($0) }
                t.column("openedAt", .datetime).notNull()
                t.column("filledAt", .datetime)
                t.column("filledBy", .integer).references("volunteer", onDelete: .setNull)
            }
            try db.alter(table: "round") { t in
                // Fixed when the round closes: `Participation` (who took part, per group, small counts hidden) and
                // `PanelDrawSummary` (how the panel was drawn), both JSON.
                t.add(column: "participation", .text)
                t.add(column: "panelDraw", .text)
            }
            // A seat offer to a reserve, and the notice to a member whose seat is released, belong to no round, case or
            // inbound mail: allow them. A rebuild, as SQLite cannot change a CHECK constraint. The columns repeat v9's on
            // purpose: a migration is a frozen record of what it did; a helper shared with v9 would let a later edit
            // change both.
            try db.create(table: "outbox_v16") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("roundId", .integer).references("round", onDelete: .cascade)
                t.column("caseId", .integer).references("panelCase", onDelete: .cascade)
                t.column("panelistId", .integer).references("panelist", onDelete: .setNull)
                t.column("municipalityId", .text).references("municipality", onDelete: .setNull)
                t.column("recipientKey", .text).notNull()
                t.column("sequence", .integer).notNull().defaults(to: 0)
                t.column("argumentId", .integer).references("argument", onDelete: .setNull)
                t.column("inboundId", .integer).references("inbound", onDelete: .setNull)
                t.column("toAddress", .text).notNull()
                t.column("messageId", .text).notNull().unique()
                t.column("state", .text).notNull()
                    .check { ["pending", "queued", "deferred", "sent", "failed", "held"].contains($0) }
                t.column("createdAt", .datetime).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .datetime)
                t.column("lastCode", .integer)
                t.column("lastError", .text)
                t.column("sentAt", .datetime)
                t.uniqueKey(["kind", "roundId", "recipientKey", "sequence"])
                t.check(
                    sql:
                        "roundId IS NOT NULL OR caseId IS NOT NULL OR inboundId IS NOT NULL OR kind IN ('seat-offer', 'seat-released')"
                )
            }
            try db.execute(sql: "INSERT INTO outbox_v16 SELECT * FROM outbox")
            try db.drop(table: "outbox")
            try db.rename(table: "outbox_v16", to: "outbox")
            try db.create(index: "outbox_on_state_nextAttemptAt", on: "outbox", columns: ["state", "nextAttemptAt"])
            try db.create(index: "outbox_on_panelist_kind", on: "outbox", columns: ["panelistId", "kind", "createdAt"])
        }
        return migrator
    }
}
