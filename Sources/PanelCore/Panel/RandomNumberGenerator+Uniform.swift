extension RandomNumberGenerator {
    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject), written out here rather than taken from
    /// `Int.random(in:using:)` so that a seeded draw stays the same across Swift releases: an audited lottery
    /// must be reproducible years later.
    mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "uniform(below:) needs a positive bound")
        let width = UInt64(bound)
        var product = next().multipliedFullWidth(by: width)
        if product.low < width {
            let threshold = (0 &- width) % width
            while product.low < threshold { product = next().multipliedFullWidth(by: width) }
        }
        return Int(product.high)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func unitInterval() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
