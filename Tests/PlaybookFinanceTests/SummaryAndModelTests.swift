@testable import PlaybookFinance
import Testing

@Suite struct FinancialSummaryTests {
    @Test func aHandWorkedCaseAddsUp() {
        let lines = [
            CashFlowLine(name: "setup", kind: .cost, initial: 100_000, yearly: [50_000, 50_000, 50_000], risk: 0.10),
            CashFlowLine(name: "savings", kind: .benefit, yearly: [100_000, 150_000, 200_000], risk: 0.20),
        ]
        let summary = FinancialSummary(lines: lines, years: 3, rate: 0.10)
        // Checked with Python (scipy.optimize.brentq for the IRR).
        #expect(summary.costs.periods.map(cents) == [110_000, 55_000, 55_000, 55_000])
        #expect(summary.benefits.periods.map(cents) == [0, 80_000, 120_000, 160_000])
        #expect(summary.net.periods.map(cents) == [-110_000, 25_000, 65_000, 105_000])
        #expect(cents(summary.costs.presentValue) == 246_776.86)   // 110,000 + 55,000 × 2.486852
        #expect(cents(summary.benefits.presentValue) == 292_111.19) // 80,000/1.1 + 120,000/1.21 + 160,000/1.331
        #expect(cents(summary.npv) == 45_334.34)
        #expect(basisPoints(summary.roi ?? 0) == 18.37)
        // Cumulative: −110,000, −85,000, −20,000, +85,000: 2 years + 20,000 / 105,000 of the third.
        #expect(((summary.paybackMonths ?? 0) * 100).rounded() / 100 == 26.29)
        // Discounted: −110,000, −87,272.73, −33,553.72, +45,334.34: 2 years + 33,553.72 / 78,888.05.
        #expect(summary.discountedPaybackMonths.map { ($0 * 100).rounded() / 100 } == 29.1)
        #expect(summary.irr.map(basisPoints) == 27.63)
    }

    @Test func lineItemRoundingMakesShownTotalsAgree() {
        let lines = [
            CashFlowLine(name: "a", kind: .benefit, yearly: [100.4, 100.4, 100.4]),
            CashFlowLine(name: "b", kind: .benefit, yearly: [100.4, 100.4, 100.4]),
            CashFlowLine(name: "c", kind: .cost, initial: 0.3, yearly: [0.3, 0.3, 0.3]),
        ]
        let full = FinancialSummary(lines: lines, years: 3, rate: 0.1)
        let rounded = FinancialSummary(lines: lines, years: 3, rate: 0.1, rounding: .lineItems(decimals: 0))
        #expect(full.benefits.total == 602.4000000000001 || abs(full.benefits.total - 602.4) < 1e-9)
        #expect(rounded.benefitLines.map(\.total) == [300, 300])
        #expect(rounded.benefits.total == 600)
        #expect(rounded.benefits.presentValue == rounded.benefitLines.reduce(0) { $0 + $1.presentValue })
        #expect(rounded.benefitLines.map(\.presentValue) == [249, 249])
        #expect(rounded.costs.total == 0)
        #expect(rounded.npv == rounded.benefits.presentValue - rounded.costs.presentValue)
    }

    @Test func halvesRoundUpEvenWhenBinaryArithmeticLandsJustBelow() {
        let value = 89_586.0 * 0.999_999_999_999_999 * 0.75  // 67,189.49999999994
        #expect(value < 67_189.5)
        #expect(Rounding.lineItems(decimals: 0).applied(to: value) == 67_190)
        #expect(Rounding.lineItems(decimals: 2).applied(to: 1.0049999999999999) == 1.01)
        #expect(Rounding.lineItems(decimals: 2).applied(to: 1.005) == 1.01)
        #expect(Rounding.lineItems(decimals: 2).applied(to: 2.345) == 2.35)
        #expect(Rounding.lineItems(decimals: 0).applied(to: -2.5) == -3)
        #expect(Rounding.full.applied(to: 2.5) == 2.5)
    }

    @Test func paybackEdgeCases() {
        #expect(Payback.period(initial: 0, yearly: [10]) == .immediate)
        #expect(Payback.period(initial: 0, yearly: [0, 0]) == .immediate)
        #expect(Payback.period(initial: 0, yearly: [-10, 5]) == .notWithinHorizon)
        #expect(Payback.months(initial: -100, yearly: [50, 25]) == nil)
        #expect(Payback.months(initial: -120, yearly: [120]) == 12)
        #expect(Payback.months(initial: -100, yearly: [-50, 300]) == 18)
        // No outlay at time 0, but year 1 is a loss: the clock still starts at time 0.
        #expect(Payback.months(initial: 0, yearly: [-50_000, 150_000]) == 16)
    }
}

@Suite struct CustomerAndServiceEconomicsTests {
    @Test func lifetimeValueFormulas() {
        // The shipped book's Kestrel figures: margin $324 a year, retention 82%, 10% discount rate.
        #expect(cents(CustomerLifetimeValue.simple(margin: 324, retention: 0.82) ?? 0) == 1_800)
        #expect(cents(CustomerLifetimeValue.discounted(margin: 324, retention: 0.82, rate: 0.10) ?? 0) == 948.86)
        #expect(cents(CustomerLifetimeValue.discounted(margin: 324, retention: 0.82, rate: 0.10, timing: .startOfPeriod) ?? 0) == 1_272.86)
        #expect(CustomerLifetimeValue.net(948.86, acquisitionCost: 200) == 748.86)
        #expect(CustomerLifetimeValue.simple(margin: 1, retention: 1) == nil)
        #expect(CustomerLifetimeValue.acquisitionCost(spend: 50_000, customers: 250) == 200)
    }

    @Test func serviceFormulas() {
        #expect(ServiceEconomics.shiftSavings(contacts: 80_640, fromCost: 6.50, toCost: 2.10) == 354_816.00000000006
                || abs(ServiceEconomics.shiftSavings(contacts: 80_640, fromCost: 6.50, toCost: 2.10) - 354_816) < 1e-6)
        #expect(abs(ServiceEconomics.directDeflection(answers: 30_000, contactRate: 0.6, costPerContact: 5.75) - 103_500) < 1e-9)
        #expect(abs(ServiceEconomics.indirectDeflection(views: 1_800_000, deflectionRate: 0.015, costPerContact: 5.75) - 155_250) < 1e-6)
        #expect(abs(ServiceEconomics.handleTimeSavings(calls: 895_860, minutesSaved: 0.1, costPerMinute: 1) - 89_586) < 1e-6)
        #expect(ServiceEconomics.costPerContact(cost: 8_280_000, contacts: 1_440_000) == 5.75)
        #expect(ServiceEconomics.costPerResolution(costPerContact: 6.5, contactsPerResolution: 1 / 0.72).rounded(toPlaces: 2) == 9.03)
    }

    @Test func returnOnObjectives() {
        #expect(ReturnOnObjectives.progress(actual: 42, target: 30, baseline: 60, direction: .lower) == 0.6)
        #expect(ReturnOnObjectives.progress(actual: 0.9, target: 0.95, baseline: nil, direction: .higher).map { ($0 * 1000).rounded() } == 947)
        #expect(ReturnOnObjectives.progress(actual: 40, target: 30, baseline: nil, direction: .lower) == 0.75)
        // Capped at 1: (0.8 × 2 + 0.8 + 0.75 + 1) / 5.
        #expect(ReturnOnObjectives.score([(0.8, 2), (0.8, 1), (0.75, 1), (1.2, 1)]).map { ($0 * 1000).rounded() } == 830)
        #expect(ReturnOnObjectives.score([]) == nil)
    }
}

@Suite struct AttributionTests {
    static let path = Attribution.Path(touches: [
        .init(channel: "social", daysBeforeConversion: 21), .init(channel: "search", daysBeforeConversion: 14),
        .init(channel: "email", daysBeforeConversion: 7), .init(channel: "social", daysBeforeConversion: 0),
    ], value: 600)

    @Test func aFourTouchConversion() {
        // A $600 conversion, time decay with a 7-day half-life gives $40, $80,
        // $160 and $320; position-based gives $240, $60, $60 and $240.
        let decay = Attribution.weights(Self.path.touches, model: .timeDecay).map { ($0 * 600 * 100).rounded() / 100 }
        #expect(decay == [40, 80, 160, 320])
        let position = Attribution.weights(Self.path.touches, model: .positionBased).map { ($0 * 600 * 100).rounded() / 100 }
        #expect(position == [240, 60, 60, 240])
        #expect(Attribution.credit([Self.path], model: .linear).map(\.channel) == ["social", "search", "email"])
        #expect(Attribution.credit([Self.path], model: .linear).map(\.value) == [300, 150, 150])
    }

    @Test func everyModelHandsOutExactlyTheConversionValue() {
        var generator = SplitMix64(seed: 7)
        let channels = ["search", "social", "email", "display", "referral"]
        for _ in 0..<300 {
            let count = Int.random(in: 1...8, using: &generator)
            var days = Double.random(in: 0...60, using: &generator)
            var touches: [Attribution.Touch] = []
            for _ in 0..<count {
                touches.append(.init(channel: channels.randomElement(using: &generator) ?? "search", daysBeforeConversion: days))
                days = max(0, days - Double.random(in: 0...20, using: &generator))
            }
            let value = Double.random(in: 1...10_000, using: &generator)
            for model in Attribution.Model.allCases {
                let credited = Attribution.credit([.init(touches: touches, value: value)], model: model).reduce(0) { $0 + $1.value }
                #expect(abs(credited - value) < 1e-9 * value, "\(model) on \(touches)")
            }
        }
    }
}

@Suite struct RandomTests {
    @Test func aSeededGeneratorRepeatsExactly() {
        var a = Xoshiro256(seed: 2026, stream: 3), b = Xoshiro256(seed: 2026, stream: 3), c = Xoshiro256(seed: 2026, stream: 4)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test func distributionsHaveTheirMeans() {
        var generator = Xoshiro256(seed: 1)
        for distribution in [Distribution.triangular(low: 0.05, mode: 0.08, high: 0.12), .uniform(low: 10, high: 20), .normal(mean: 5, sd: 2)] {
            let n = 200_000
            var total = 0.0
            for _ in 0..<n { total += distribution.sample(&generator) }
            let mean = total / Double(n)
            #expect(abs(mean - distribution.mean) < 0.01 * max(abs(distribution.mean), 0.1), "\(distribution): \(mean)")
        }
        for _ in 0..<10_000 {
            let x = Distribution.triangular(low: 1, mode: 2, high: 4).sample(&generator)
            #expect(x >= 1 && x <= 4)
        }
    }

    @Test func percentilesMatchExcel() {
        // =PERCENTILE.INC({1,2,3,4,5,6,7,8,9,10}, 0.1) is 1.9; 0.5 is 5.5; 0.9 is 9.1.
        let values = (1...10).map(Double.init)
        #expect(abs(Percentile.of(sorted: values, 0.1) - 1.9) < 1e-12)
        #expect(Percentile.of(sorted: values, 0.5) == 5.5)
        #expect(abs(Percentile.of(sorted: values, 0.9) - 9.1) < 1e-12)
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

/// The one rounding rule: half away from zero on the number's decimal digits, at every magnitude.
@Suite struct DecimalRoundingTests {
    @Test func halvesRoundAwayFromZeroOnTheDecimalDigits() {
        #expect(DecimalRounding.round(1.005, places: 2) == 1.01)  // Excel's ROUND(1.005, 2)
        #expect(DecimalRounding.round(2.675, places: 2) == 2.68)
        #expect(DecimalRounding.round(-2.5, places: 0) == -3)
        #expect(DecimalRounding.round(0.5, places: 0) == 1)
        #expect(DecimalRounding.round(-0.4, places: 0).sign == .plus)  // no "−0"
        #expect(DecimalRounding.round(0.4999999, places: 0) == 0)  // typed, not noise
        #expect(DecimalRounding.round(2.49999991234567, places: 0) == 2)  // 8.8e-8 below the half: a real value
        #expect(DecimalRounding.round(67_189.49999999994, places: 0) == 67_190)  // binary noise: the half
        #expect(DecimalRounding.round(1_234.5, places: -1) == 1_230)
        #expect(DecimalRounding.round(1_250, places: -2) == 1_300)
        #expect(DecimalRounding.round(-1_250, places: -2) == -1_300)
        #expect(DecimalRounding.round(49, places: -2) == 0)
        #expect(DecimalRounding.round(1e-320, places: 2) == 0)
        #expect(DecimalRounding.round(1.5e300, places: 2) == 1.5e300)
        #expect(DecimalRounding.round(9.5, places: 400) == 9.5)
    }

    @Test func largeAmountsRoundExactlyUpTo1e15() {
        #expect(DecimalRounding.round(123_456_789.45, places: 0) == 123_456_789)
        #expect(DecimalRounding.round(1e9 / 1.1, places: 0) == 909_090_909)
        #expect(DecimalRounding.round(1_000_000_000, places: 0) == 1_000_000_000)
        #expect(DecimalRounding.round(99_999_999_999_999.45, places: 0) == 99_999_999_999_999)
        #expect(DecimalRounding.round(99_999_999_999_999.5, places: 0) == 100_000_000_000_000)
        #expect(DecimalRounding.round(999_999_999_999_999.4, places: 0) == 999_999_999_999_999)
        // x.5 rounds up and x.49 down at every power of ten to 1e14.
        var scale = 1.0
        for _ in 0...14 {
            #expect(DecimalRounding.round(scale + 0.5, places: 0) == scale + 1, "\(scale)")
            #expect(DecimalRounding.round(scale + 0.49, places: 0) == scale, "\(scale)")
            #expect(DecimalRounding.round(-(scale + 0.5), places: 0) == -(scale + 1), "\(scale)")
            scale *= 10
        }
    }

    @Test func digitsForPrintingNeverGoThroughAnotherDouble() {
        #expect(DecimalRounding.digits(123_456_789.45, places: 0) == .init(negative: false, integer: "123456789", fraction: ""))
        #expect(DecimalRounding.digits(0.0145, places: 1, shift: 2) == .init(negative: false, integer: "1", fraction: "5"))
        #expect(DecimalRounding.digits(-0.004, places: 2) == .init(negative: false, integer: "0", fraction: "00"))
        #expect(DecimalRounding.digits(1e300, places: 0, shift: 2)?.integer.count == 303)
        #expect(DecimalRounding.digits(.infinity, places: 0) == nil)
    }
}
