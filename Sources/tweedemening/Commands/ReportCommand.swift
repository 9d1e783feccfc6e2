import ArgumentParser
import Foundation
import MailFormat
import PanelCore
import PanelMail
import PanelStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "The periodic report for the municipal council and the public: cases, verdicts, agreement, turnout, key points, follow-ups."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, csv
    }

    @OptionGroup var options: RootOptions
    @Option(help: "The municipality's id.") var municipality: String
    @Option(help: "First day, e.g. 2026-01-01 (inclusive).") var from: String?
    @Option(help: "Last day, e.g. 2026-03-31 (inclusive).") var to: String?
    @Option(help: "Instead of --from/--to: last-month, last-quarter or last-year (for cron).") var period: Period?
    @Option(help: "md (default), html or csv.") var format: Format = .md
    @Option(name: .customLong("mail-to"), help: "Mail the report (text, HTML and CSV) to this address, e.g. the council clerk.")
    var mailTo: String?

    enum Period: String, ExpressibleByArgument, CaseIterable {
        case lastMonth = "last-month"
        case lastQuarter = "last-quarter"
        case lastYear = "last-year"

        /// The previous calendar month, quarter or year, as inclusive yyyy-MM-dd days.
        func days(before now: Date, timeZone: TimeZone) -> (String, String) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let parts = calendar.dateComponents([.year, .month], from: now)
            let (year, month) = (parts.year ?? 1970, parts.month ?? 1)
            let (startYear, startMonth, months): (Int, Int, Int) =
                switch self {
                case .lastMonth: month == 1 ? (year - 1, 12, 1) : (year, month - 1, 1)
                case .lastQuarter: ((month - 1) / 3 == 0) ? (year - 1, 10, 3) : (year, ((month - 1) / 3 - 1) * 3 + 1, 3)
                case .lastYear: (year - 1, 1, 12)
                }
            let start = calendar.date(from: DateComponents(year: startYear, month: startMonth, day: 1))!
            let end = calendar.date(byAdding: DateComponents(month: months, day: -1), to: start)!
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = "yyyy-MM-dd"
            return (formatter.string(from: start), formatter.string(from: end))
        }
    }

    func validate() throws {
        if let mailTo, !EmailAddress.isPlausible(mailTo) {
            throw ValidationError("--mail-to `\(mailTo)` is not an e-mail address")
        }
        if period != nil {
            guard from == nil, to == nil else { throw ValidationError("give either --period or --from/--to, not both") }
            return
        }
        guard let from, let to, let start = Self.day(from), let end = Self.day(to) else {
            throw ValidationError("give --from and --to as dates like 2026-01-31, or --period last-quarter")
        }
        guard start <= end else { throw ValidationError("--from must not be after --to") }
    }

    /// Midnight starting `text` (yyyy-MM-dd) in `timeZone`: the configured `mail.time_zone` when running; any zone
    /// checks the form.
    static func day(_ text: String, timeZone: TimeZone = .panelDefault) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }

    func run() throws {
        let app = try options.open()
        guard let municipality = try app.database.municipality(municipality) else {
            throw CLIError.data(StoreError.unknownMunicipality(self.municipality).description)
        }
        let (from, to) = period?.days(before: Date(), timeZone: app.configuration.timeZone) ?? (self.from!, self.to!)
        let zone = app.configuration.timeZone
        let start = Self.day(from, timeZone: zone)!
        // The day after the last, at midnight: a day of 23 or 25 hours (summer time) ends where the calendar says.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let end = calendar.date(byAdding: .day, value: 1, to: Self.day(to, timeZone: zone)!)!
        let cases = try app.database.reportedCases(municipalityId: municipality.id, from: start, to: end)
        let evaluation = try app.database.evaluationSummary(roundIds: cases.compactMap(\.round.id))
        let report = CouncilReport(
            municipality: municipality, from: from, to: to, cases: cases, evaluation: evaluation,
            timeZone: app.configuration.timeZone)
        if let mailTo {
            try mail(report, to: mailTo, app: app)
            return
        }
        switch format {
        case .md: print(report.markdown(), terminator: "")
        case .html: print(report.html(), terminator: "")
        case .csv: print(report.csv(), terminator: "")
        }
    }
}

extension ReportCommand {
    /// Sends the report straight over SMTP (it belongs to no round, so it skips the outbox). Quiet on success.
    func mail(_ report: CouncilReport, to address: String, app: App) throws {
        let domain = app.messageDomain
        let message = OutgoingMessage(
            from: app.configuration.from, to: MailAddress(address), subject: report.title,
            messageID: "report.\(report.municipality.id).\(report.from).\(report.to)@\(domain)", date: Date(),
            extraHeaders: [("Auto-Submitted", "auto-generated"), ("X-Tweedemening-Kind", "report")],
            text: report.markdown(), html: report.html(),
            attachments: [
                .init(
                    filename: "rapportage-\(report.municipality.id)-\(report.from)-\(report.to).csv",
                    contentType: "text/csv; charset=utf-8",
                    data: [0xEF, 0xBB, 0xBF] + Array(report.csv().utf8))
            ])
        let result = try SMTPConnection(settings: app.configuration.smtp)
            .send(
                from: app.configuration.returnPath ?? app.configuration.from.address, to: address,
                message: try app.handoff().prepare(message.rendered()))
        guard result.outcome == .accepted else {
            throw CLIError.unavailable("the report was not accepted by the SMTP server: \(result.detail); try again later")
        }
    }
}

/// What the council and the public read: per case and in total, in Dutch.
struct CouncilReport {
    var municipality: Municipality
    var from: String
    var to: String
    var cases: [ReportedCase]
    var evaluation: EvaluationSummary
    var timeZone: TimeZone

    /// A follow-up within this many days of the verdict counts as on time.
    static let followUpOnTimeDays = 14.0

    struct Line {
        var number: Int64
        var title: String
        var closed: String
        var verdict: String
        var supportPercent: String
        var interval: String
        var turnout: String
        var votes: String
        var themes: String
        var questions: String
        var followUp: String
        var followUpDays: Double?
    }

    var lines: [Line] {
        cases.map { item in
            let round = item.round
            let tally = round.tally ?? Tally(support: 0, oppose: 0, panelSize: 0)
            let interval =
                tally.supportInterval.map { "\(($0.lower * 100).dutchPercent)–\(($0.upper * 100).dutchPercent)%" } ?? "-"
            // The three key points most residents made, with how many: the council reads what the panel said.
            let themes =
                Argumentation.decode(round.argumentation)?.keyPoints.prefix(3)
                .map { "\($0.sentence) (\($0.residents))" }.joined(separator: "; ") ?? ""
            let days = round.followUpAt.map { max(0, $0.timeIntervalSince(round.closedAt ?? $0) / 86_400) }
            let followUp: String =
                switch round.followUpDecision {
                case .adopts: "neemt oordeel over"
                case .keeps: "blijft bij besluit"
                case .unclear: "gereageerd"
                case nil: "nog geen reactie"
                }
            return Line(
                number: item.panelCase.id ?? 0, title: item.panelCase.title,
                closed: DutchDate.day(round.closedAt ?? round.deadline, timeZone: timeZone),
                verdict: Self.verdictText(round.verdict), supportPercent: (tally.supportPercent ?? 0).dutchPercent + "%",
                interval: interval, turnout: (tally.turnoutPercent ?? 0).dutchPercent + "%",
                votes: "\(tally.votes)/\(tally.panelSize)",
                themes: themes, questions: "\(item.questionsAnswered)/\(item.questionsAsked)",
                followUp: followUp + (days.map { " (na \(Int($0.rounded())) dagen)" } ?? ""), followUpDays: days)
        }
    }

    static func verdictText(_ verdict: Verdict?) -> String {
        switch verdict {
        case .support: "steunt het besluit"
        case .oppose: "steunt het besluit niet"
        case .tooClose: "verdeeld"
        case .noQuorum: "te weinig stemmen"
        case nil: "-"
        }
    }

    var summary: [String] {
        let decided = cases.compactMap(\.round.verdict).filter { $0 == .support || $0 == .oppose }
        let agreement =
            decided.isEmpty
            ? "-" : (100 * Double(decided.filter { $0 == .support }.count) / Double(decided.count)).dutchPercent + "%"
        let turnouts = cases.compactMap { $0.round.tally?.turnoutPercent }
        let meanTurnout = turnouts.isEmpty ? "-" : (turnouts.reduce(0, +) / Double(turnouts.count)).dutchPercent + "%"
        let answered = lines.compactMap(\.followUpDays)
        let onTime = answered.filter { $0 <= Self.followUpOnTimeDays }.count
        return [
            "Casussen afgerond: \(cases.count)",
            decided.isEmpty
                ? "Geen casus had een duidelijk oordeel van het panel (verdeeld of te weinig stemmen)."
                : "Het panel steunde de gemeente in \(agreement) van de casussen met een duidelijk oordeel (\(decided.count) van \(cases.count)).",
            "Verdeeld of te weinig stemmen: \(cases.count - decided.count)",
            "Gemiddelde opkomst: \(meanTurnout)",
            "Reactie van de gemeente op het oordeel: \(answered.count) van \(cases.count), waarvan \(onTime) binnen \(Int(Self.followUpOnTimeDays)) dagen.",
            evaluationLine,
        ] + (panelLine.map { [$0] } ?? [])
    }

    /// How the panel of the latest case in the period was drawn (fixed when its round closed).
    var panelLine: String? {
        guard let latest = cases.max(by: { ($0.round.closedAt ?? .distantPast) < ($1.round.closedAt ?? .distantPast) })
        else { return nil }
        guard let draw = PanelDrawSummary.decode(latest.round.panelDraw) else {
            return
                "Samenstelling van het panel: door de gemeente aangeleverd, niet door loting; er is geen loting om na te rekenen."
        }
        let invited = draw.invited.map { ", \($0) inwoners uitgenodigd uit het bevolkingsregister" } ?? ""
        return
            "Samenstelling van het panel: op \(DutchDate.day(draw.drawnAt, timeZone: timeZone)) door loting \(draw.size) leden "
            + "uit \(draw.volunteers) aanmelders\(invited); \(draw.quotasMet) van \(draw.quotas.count) quota gehaald; "
            + "laagste kans om gekozen te worden \((draw.minimumProbability * 100).dutchPercent)%, mediaan "
            + "\((draw.medianProbability * 100).dutchPercent)%; lotingsgetal \(draw.seed), na te rekenen met "
            + "`tweedemening panel audit --municipality \(municipality.id)`"
            + (draw.topUps > 0 ? "; daarna \(draw.topUps) keer aangevuld" : "")
            + (draw.reservesSeated > 0 ? "; \(draw.reservesSeated) lege plek(ken) gevuld uit de reservelijst" : "") + "."
    }

    /// The pilot's measures: satisfied (4–5 of 5), more trust, information sufficient.
    var evaluationLine: String {
        guard evaluation.respondents > 0 else { return "Panelevaluatie: nog geen antwoorden." }
        func percent(_ share: Double?) -> String { share.map { ($0 * 100).dutchPercent + "%" } ?? "-" }
        return
            "Panelevaluatie (\(evaluation.respondents) panelleden): \(percent(evaluation.satisfied)) tevreden of zeer tevreden, "
            + "\(percent(evaluation.moreTrust)) meer vertrouwen in de gemeente, informatie voldoende volgens \(percent(evaluation.informationSufficient))."
    }

    var title: String { "De Tweede Mening: rapportage \(municipality.name), \(from) t/m \(to)" }

    func markdown() -> String {
        var out = "# \(title)\n\n" + summary.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        out +=
            "| zaak | casus | afgerond | oordeel | steun (95%-interval) | opkomst | vragen beantwoord | belangrijkste kernpunten (panelleden) | reactie gemeente |\n"
        out += "|---|---|---|---|---|---|---|---|---|\n"
        for line in lines {
            let cells = [
                "\(line.number)", line.title, line.closed, line.verdict, "\(line.supportPercent) (\(line.interval))",
                "\(line.turnout) (\(line.votes))", line.questions, line.themes, line.followUp,
            ]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    func html() -> String {
        func escape(_ text: String) -> String { SimpleMarkdown.escape(text) }
        var out = """
            <!doctype html>
            <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>body{font-family:Arial,Helvetica,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.5}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:6px;text-align:left;vertical-align:top}
            th{background:#eef3f9}</style></head><body>
            <h1>\(escape(title))</h1>
            <ul>\(summary.map { "<li>\(escape($0))</li>" }.joined())</ul>
            <table><tr><th>zaak</th><th>casus</th><th>afgerond</th><th>oordeel</th><th>steun (95%-interval)</th><th>opkomst</th><th>vragen beantwoord</th><th>belangrijkste kernpunten (panelleden)</th><th>reactie gemeente</th></tr>

            """
        for line in lines {
            let cells = [
                "\(line.number)", line.title, line.closed, line.verdict, "\(line.supportPercent) (\(line.interval))",
                "\(line.turnout) (\(line.votes))", line.questions, line.themes, line.followUp,
            ]
            out += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</table></body></html>\n"
    }

    func csv() -> String {
        let field = CSVField.quoted
        var rows = ["zaak,casus,afgerond,oordeel,steun,interval,opkomst,stemmen,vragen_beantwoord,kernpunten,reactie_gemeente"]
        for line in lines {
            rows.append(
                [
                    "\(line.number)", field(line.title), field(line.closed), field(line.verdict), field(line.supportPercent),
                    field(line.interval), field(line.turnout), field(line.votes), field(line.questions), field(line.themes),
                    field(line.followUp),
                ].joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }
}
