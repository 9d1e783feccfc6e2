extension String {
    /// Equal but for the case of ASCII letters: how header field names compare (RFC 5322 §1.2.2). Bytes, not
    /// Foundation's `caseInsensitiveCompare`: the signer compares every signed name with every field of every
    /// outgoing message.
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        let left = utf8
        let right = other.utf8
        guard left.count == right.count else { return false }
        for (a, b) in zip(left, right) where a != b {
            let foldedA = a >= 0x41 && a <= 0x5A ? a | 0x20 : a
            let foldedB = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if foldedA != foldedB { return false }
        }
        return true
    }
}
