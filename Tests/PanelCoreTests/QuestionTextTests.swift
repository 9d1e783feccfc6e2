import Foundation
import Testing

@testable import PanelCore

@Suite struct QuestionTextTests {
    @Test func recognisesAQuestionByItsPrefix() {
        #expect(QuestionText.question(in: "Vraag: Wat kost een traplift?") == "Wat kost een traplift?")
        #expect(QuestionText.question(in: "  VRAAG:  Hoe oud is het huis?\nDank!") == "Hoe oud is het huis?\nDank!")
        #expect(QuestionText.question(in: "Question: How much?") == "How much?")
        #expect(QuestionText.question(in: "Ik heb een vraag: waarom?") == nil)
        #expect(QuestionText.question(in: "Vraag:") == nil)
    }

    @Test func alikeQuestionsMergeAndDifferentOnesDoNot() {
        let a = "Wat kost een traplift eigenlijk, vergeleken met de verhuizing?"
        let b = "Hoeveel kosten een traplift en een verhuizing?"
        let c = "Heeft mevrouw familie in de buurt die kan helpen?"
        #expect(QuestionText.similarity(a, b) >= QuestionText.mergeThreshold)
        #expect(QuestionText.similarity(a, c) < QuestionText.mergeThreshold)
        #expect(QuestionText.similarity(a, a) == 1)
    }
}
