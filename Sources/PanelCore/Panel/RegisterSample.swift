/// Why a draw could not be made.
public enum RegisterSampleError: Error, Equatable, CustomStringConvertible {
    case countNotPositive(Int)
    case countTooLarge(requested: Int, people: Int, households: Int)

    public var description: String {
        switch self {
        case .countNotPositive(let count):
            return "cannot draw \(count) invitations; ask for at least 1"
        case .countTooLarge(let requested, let people, let households) where households < people:
            return "cannot draw \(requested) invitations from \(people) people in \(households) households "
                + "(at most one per household); ask for at most \(households) or send a larger extract"
        case .countTooLarge(let requested, let people, _):
            return "cannot draw \(requested) invitations from a register of \(people) people; "
                + "ask for at most \(people) or send a larger extract"
        }
    }
}

/// A reproducible random sample of a register extract, each drawn person with an invitation code: the input of the
/// postal mail merge.
public struct RegisterSample: Sendable, Equatable {
    public struct Invitation: Sendable, Equatable {
        public var row: RegisterRow
        public var code: InvitationCode
    }

    /// The extract's columns followed by `code`.
    public var columns: [String]
    /// The drawn people in the extract's order (not the order of the draw), each with a code unique in the sample.
    public var invitations: [Invitation]

    /// Draws `count` people, at most one per household, and gives each a code. The same seed and extract always give
    /// the same people and the same codes.
    ///
    /// The codes follow from the seed: if the seed is published to make the draw auditable, use
    /// `draw(count:from:seed:codes:)` with the system generator so the codes cannot be recomputed.
    public static func draw(count: Int, from register: RegisterExtract, seed: UInt64) throws(RegisterSampleError)
        -> RegisterSample
    {
        // A separate stream for the codes, so the choice of people does not depend on how codes are made.
        var codes = SplitMix64(seed: seed ^ 0x636F_6465_7320_2020)
        return try draw(count: count, from: register, seed: seed, codes: &codes)
    }

    /// Draws `count` people reproducibly from `seed`; the codes come from `codes`.
    public static func draw(
        count: Int, from register: RegisterExtract, seed: UInt64, codes: inout some RandomNumberGenerator
    ) throws(RegisterSampleError) -> RegisterSample {
        guard count > 0 else { throw .countNotPositive(count) }
        let households = register.householdCount
        guard count <= households else {
            throw .countTooLarge(requested: count, people: register.rows.count, households: households)
        }
        // Partial Fisher–Yates over row indices; a person whose household already has an invitation is passed over.
        var generator = SplitMix64(seed: seed)
        var order = Array(register.rows.indices)
        var drawn: [Int] = []
        var invitedHouseholds = Set<String>()
        var position = 0
        while drawn.count < count {
            let pick = position + generator.uniform(below: order.count - position)
            order.swapAt(position, pick)
            let row = register.rows[order[position]]
            position += 1
            if let household = row.household {
                guard invitedHouseholds.insert(household).inserted else { continue }
            }
            drawn.append(order[position - 1])
        }
        drawn.sort()

        var issued = Set<InvitationCode>()
        var invitations: [Invitation] = []
        for index in drawn {
            var code = InvitationCode.make(using: &codes)
            while !issued.insert(code).inserted { code = InvitationCode.make(using: &codes) }
            invitations.append(Invitation(row: register.rows[index], code: code))
        }
        return RegisterSample(columns: register.columns + [RegisterExtract.codeColumn], invitations: invitations)
    }

    /// The mail-merge file: the extract's columns plus `code`, every field quoted and safe to open in a spreadsheet.
    public func csv() -> String {
        var lines = [columns.map(CSVField.quoted).joined(separator: ",")]
        for invitation in invitations {
            lines.append((invitation.row.fields + [invitation.code.formatted]).map(CSVField.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
