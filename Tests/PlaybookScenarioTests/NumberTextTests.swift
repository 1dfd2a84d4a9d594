import Foundation
@testable import PlaybookScenario
import Testing

/// The fast paths that print numbers give exactly what the slow, obviously right ones give.
@Suite struct NumberTextTests {
    /// JSON numbers: the shortest form where it has at most 15 significant digits, otherwise
    /// `%.15g` trimmed. Compared with `%.15g` over values of every magnitude.
    @Test func jsonNumbersMatchFifteenSignificantDigits() {
        func reference(_ value: Double) -> String {
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            var text = String(format: "%.15g", value)
            if text.contains("e") { return text }
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }
        var generator = SeededNumbers(seed: 7)
        var checked = 0
        for exponent in -8...17 {
            for _ in 0..<2_000 {
                let mantissa = generator.next() * 10 - 5
                let value = mantissa * pow(10, Double(exponent))
                let short = (value * 100).rounded() / 100
                for candidate in [value, short, 0.1 + 0.2, 1.0 / 3.0, 0.0001, 0.00001, 482_199.53] {
                    #expect(JSONValue.number(candidate) == reference(candidate), "\(candidate)")
                    checked += 1
                }
            }
        }
        #expect(checked == 26 * 2_000 * 7)
    }

    /// Grouped numbers: whole and fractional digits from integers match `%.0f`.
    @Test func groupedNumbers() {
        let style = NumberStyle.forLocale("en-US")
        #expect(style.format(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(style.format(-0.004, decimals: 2) == "0.00")
        #expect(style.format(-1_000, decimals: 0) == "−1,000")
        #expect(style.format(0.05, decimals: 1) == "0.1")
        #expect(style.format(9.99e20, decimals: 0) == "999,000,000,000,000,000,000")
        #expect(style.format(12.5, decimals: 3) == "12.500")
    }
}

/// A small deterministic source of numbers in [0, 1) for the property test above.
struct SeededNumbers {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
