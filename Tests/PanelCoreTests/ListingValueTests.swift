import PanelCore
import Testing

@Suite struct ListingValueTests {
    @Test(arguments: [
        ("65-74", "65-74"), ("man", "man"), ("Oud Zuid", "\"Oud Zuid\""), ("", "\"\""), ("a=b", "\"a=b\""),
        ("zeg \"ja\"", "\"zeg \\\"ja\\\"\""), ("c:\\pad", "\"c:\\\\pad\""), ("twee\tdelen", "\"twee\\tdelen\""),
    ])
    func aValueThatCouldBeMisreadIsQuoted(value: String, written: String) {
        #expect(ListingValue.quoted(value) == written)
    }
}
