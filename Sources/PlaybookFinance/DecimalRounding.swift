/// Rounding as a person (and Excel) does it: on the number's decimal digits, half away from
/// zero. The one rounding rule of Playbook: summaries, `round()` in formulas and every shown
/// number go through it.
///
/// A `Double` is read as its shortest round-trip decimal text (what `description` gives:
/// `1.005`, `123456789.45`, exactly what was typed), and those digits are rounded half away
/// from zero by decimal arithmetic: `round(1.005, 2)` is 1.01 (as in Excel), `123,456,789.45`
/// rounds to 123,456,789 and `1e9 / 1.1` to 909,090,909, at every magnitude, with no nudge.
///
/// One allowance for binary arithmetic: a result that lands a few units in the last place
/// below a half (`89,586 × 0.75` computed as `67189.49999999999`) reads as the half it
/// stands for. It is recognised by its digits: at least 15 significant ones, and after the
/// rounding position a 4 followed by six or more 9s. A number typed with a few 9s
/// (`0.4999999`) is not affected.
public enum DecimalRounding {
    /// The most decimal places (and, negated, the most tens) formulas may round to: a double
    /// holds 15 to 17 significant digits.
    public static let maximumPlaces = 15

    /// A number rounded to some decimal places, as digits.
    public struct Digits: Sendable, Equatable {
        /// Whether the rounded number is below zero (never for a rounded zero).
        public var negative: Bool
        /// The digits before the decimal point, without leading zeros (`"0"` for none).
        public var integer: String
        /// Exactly as many digits after the point as were asked for (none for `places <= 0`).
        public var fraction: String
    }

    /// `value` rounded half away from zero to `places` decimal places (negative places round
    /// to tens, hundreds…, as Excel's `ROUND`). Values that are not finite come back as they are.
    public static func round(_ value: Double, places: Int) -> Double {
        guard value.isFinite else { return value }
        // Beyond these, rounding changes nothing (a double has at most 17 significant digits
        // and its exponent stays within ±324) or gives zero.
        if places > 400 { return value }
        if places < -400 { return 0 }
        guard let digits = digits(value, places: places) else { return value }
        var text = digits.negative ? "-" : ""
        text += digits.integer + (digits.fraction.isEmpty ? "" : "." + digits.fraction)
        return Double(text) ?? value
    }

    /// The digits of `value` × 10^`shift` rounded half away from zero to `places` decimal
    /// places, for printing without going through a `Double` again (a percentage is the
    /// fraction shifted by 2, so no multiplication can overflow or add binary noise). `nil`
    /// when `value` is not finite. With negative `places` the integer digits end in zeros
    /// (`places: -2` of 1,250 is `1300`).
    public static func digits(_ value: Double, places: Int, shift: Int = 0) -> Digits? {
        guard value.isFinite else { return nil }
        guard var decimal = Decimal(value) else { return nil }
        if !decimal.digits.isEmpty { decimal.point += shift }
        decimal.round(keeping: decimal.point + places)
        return decimal.rendered(places: places)
    }

    /// A decimal number: `digits` (ASCII, no leading zeros) with the point after `point` of
    /// them (which may be negative or beyond the digits).
    private struct Decimal {
        var negative: Bool
        var digits: [UInt8]
        var point: Int

        /// Reads the shortest round-trip text of a finite double (`-1.5e-07`, `123.45`, `1e+16`).
        init?(_ value: Double) {
            negative = value < 0
            digits = []
            point = 0
            var exponent = 0
            var seenPoint = false
            var pointAt: Int?
            var text = Array(value.magnitude.description.utf8)
            if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                guard let parsed = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) else { return nil }
                exponent = parsed
                text = Array(text[..<e])
            }
            for byte in text {
                if byte == UInt8(ascii: ".") {
                    seenPoint = true
                    pointAt = digits.count
                } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    digits.append(byte - UInt8(ascii: "0"))
                } else {
                    return nil
                }
            }
            point = (seenPoint ? pointAt ?? digits.count : digits.count) + exponent
            // Leading zeros move the point; trailing zeros after it carry nothing.
            while let first = digits.first, first == 0 {
                digits.removeFirst()
                point -= 1
            }
            while let last = digits.last, last == 0 { digits.removeLast() }
            if digits.isEmpty { negative = false; point = 0 }
        }

        /// Keeps the first `keep` significant digits and rounds on the next one, half away from
        /// zero (`keep` is `point + places` to round to `places` decimals).
        mutating func round(keeping keep: Int) {
            guard keep < digits.count else { return }
            if keep < 0 {
                digits = []
            } else {
                let up = digits[keep] >= 5 || isHairBelowHalf(from: keep)
                digits.removeLast(digits.count - keep)
                if up {
                    var index = digits.count - 1
                    while index >= 0, digits[index] == 9 {
                        digits[index] = 0
                        index -= 1
                    }
                    if index >= 0 {
                        digits[index] += 1
                    } else {
                        digits.insert(1, at: 0)
                        point += 1
                    }
                }
            }
            while let last = digits.last, last == 0 { digits.removeLast() }
            if digits.isEmpty { negative = false; point = 0 }
        }

        /// Whether the digits from `index` on are a 4 and then 9s — six or more, and running
        /// through at least the 12th significant digit — in a number written with at least 15
        /// significant digits: a half that binary arithmetic put a hair (about 1e-12 of the
        /// value) below. `2.49999991234567` is a real value below the half, not noise.
        private func isHairBelowHalf(from index: Int) -> Bool {
            let end = Swift.max(12, index + 7)
            guard digits.count >= 15, digits[index] == 4, digits.count >= end else { return false }
            return digits[(index + 1)..<end].allSatisfy { $0 == 9 }
        }

        /// The integer and fraction digits with exactly `places` decimals.
        func rendered(places: Int) -> Digits {
            var integer = ""
            var fraction = ""
            let zero = UInt8(ascii: "0")
            if point > 0 {
                for index in 0..<point { integer.append(Character(Unicode.Scalar(zero + (index < digits.count ? digits[index] : 0)))) }
            } else {
                integer = "0"
            }
            if places > 0 {
                for place in 0..<places {
                    let index = point + place
                    let digit = index >= 0 && index < digits.count ? digits[index] : 0
                    fraction.append(Character(Unicode.Scalar(zero + digit)))
                }
            }
            return Digits(negative: negative, integer: integer, fraction: fraction)
        }
    }
}
