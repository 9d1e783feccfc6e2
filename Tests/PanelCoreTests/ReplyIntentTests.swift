import PanelCore
import Testing

/// The rules of `ReplyIntent`, one example each (docs/operations.md, "Antwoorden die geen argument zijn").
@Suite struct ReplyIntentTests {
    static let examples: [(String, ReplyIntent)] = [
        ("VOOR", .vote(.support)), ("voor", .vote(.support)), ("Voor.", .vote(.support)),
        ("TEGEN!", .vote(.oppose)), ("  tegen \n", .vote(.oppose)), ("Tegen\n\nMet vriendelijke groet,\nAnna", .vote(.oppose)),
        ("ja", .ambiguousVote), ("Nee.", .ambiguousVote), ("Ja, ik steun het besluit", .ambiguousVote),
        ("voor tegen", .ambiguousVote), ("Voor, prima plan", .ambiguousVote), ("Ja, dank u", .ambiguousVote),
        ("Ja, ik steun het besluit omdat mijn buurvrouw zonder die hulp niet thuis kan blijven wonen.", .argument),
        ("Dank u wel!", .thanks), ("Bedankt", .thanks), ("Ok", .thanks), ("👍", .thanks), ("Thanks", .thanks),
        ("Groet, Anna", .thanks),
        ("graag afmelden", .stop), ("afmelden a.u.b.", .stop), ("STOP", .stop), ("Please remove me", .stop),
        ("退订", .stop), ("Stop met deze bezuiniging op de zorg voor ouderen in onze gemeente.", .argument),
        ("Best raar.\nDe gemeente moet dit gewoon betalen.", .argument),
    ]

    @Test(arguments: examples)
    func readsWhatTheResidentMeant(reply: String, expected: ReplyIntent) {
        #expect(ReplyIntent.read(reply) == expected, "\(reply)")
    }

    @Test func everyLanguageHasStopPhrasesThatReadAsStop() {
        #expect(ReplyPhrases.stopByLanguage.count >= 20)
        for (language, phrases) in ReplyPhrases.stopByLanguage {
            for phrase in phrases {
                #expect(ReplyIntent.read(phrase) == .stop, "\(language): \(phrase)")
            }
        }
    }
}
