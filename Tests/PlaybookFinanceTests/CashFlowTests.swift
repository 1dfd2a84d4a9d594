import PlaybookFinance
import Testing

/// Rounds to cents, the precision Microsoft's documentation shows.
func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }
/// Rounds a rate to hundredths of a percent.
func basisPoints(_ value: Double) -> Double { (value * 10_000).rounded() / 100 }

@Suite struct MicrosoftExamples {
    // https://support.microsoft.com/office/npv-function-8672cb67-2576-4d07-b67b-ac28acf2a568
    @Test func npvExampleOne() {
        #expect(cents(CashFlows.npv(rate: 0.10, [-10_000, 3_000, 4_200, 6_800])) == 1_188.44)
    }

    @Test func npvExampleTwoWithAnOutlayAtTimeZero() {
        let flows: [Double] = [8_000, 9_200, 10_000, 12_000, 14_500]
        #expect(cents(CashFlows.npv(rate: 0.08, initial: -40_000, flows)) == 1_922.06)
        #expect(cents(CashFlows.npv(rate: 0.08, initial: -40_000, flows + [-9_000])) == -3_749.47)
    }

    // https://support.microsoft.com/office/irr-function-64925eaa-9988-495b-b290-3ad0c163c1bc
    @Test func irrExamples() throws {
        let flows: [Double] = [-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]
        #expect(basisPoints(try InternalRateOfReturn.irr(flows)) == 8.66)
        #expect(basisPoints(try InternalRateOfReturn.irr(Array(flows.prefix(5)))) == -2.12)
        #expect(basisPoints(try InternalRateOfReturn.irr(Array(flows.prefix(3)), guess: -0.10)) == -44.35)
    }

    // https://support.microsoft.com/office/xnpv-function-1b42bbf6-370f-4532-a0eb-d67c16b664b7
    @Test func xnpvAndXirrExample() throws {
        // 2008-01-01, 2008-03-01, 2008-10-30, 2009-02-15, 2009-04-01 as days since 2008-01-01.
        let flows: [(day: Int, amount: Double)] = [(0, -10_000), (60, 2_750), (303, 4_250), (411, 3_250), (456, 2_750)]
        #expect(cents(CashFlows.xnpv(rate: 0.09, flows)) == 2_086.65)
        #expect(basisPoints(try InternalRateOfReturn.xirr(flows)) == 37.34)
    }
}

@Suite struct CashFlowProperties {
    @Test func npvAtTheIRRIsZero() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<200 {
            let years = Int.random(in: 2...8, using: &generator)
            let outlay = -Double.random(in: 1_000...1_000_000, using: &generator)
            let flows = (0..<years).map { _ in Double.random(in: -10_000...400_000, using: &generator) }
            guard flows.reduce(outlay, +) > 0 else { continue }
            let rate = try InternalRateOfReturn.irr([outlay] + flows)
            #expect(abs(CashFlows.npv(rate: rate, initial: outlay, flows)) < 1e-6 * abs(outlay), "\([outlay] + flows)")
        }
    }

    /// Nothing at time 0: the NPV tends to zero as the rate grows, which Newton's method once took
    /// for a root (an IRR of 6.5e16, found by LibreOffice's recalculation of a generated
    /// scenario); the IRR is the rate LibreOffice and Excel give.
    @Test func flowsStartingAtZeroHaveTheirRealIRR() throws {
        let rate = try InternalRateOfReturn.irr([0, -5_587_101, -2_324_243, 3_113_853])
        #expect(abs(rate - -0.4330212813612925) < 1e-9, "\(rate)")
    }

    @Test func flowsWithoutASignChangeHaveNoIRR() {
        #expect(throws: RateOfReturnError.noSignChange) { try InternalRateOfReturn.irr([100, 200]) }
        #expect(throws: RateOfReturnError.noSignChange) { try InternalRateOfReturn.irr([-100, -200]) }
    }

    @Test func presentValuesDiscountFromTheFirstPeriod() {
        #expect(CashFlows.presentValues(rate: 0.1, [110, 121]).map(cents) == [100, 100])
        #expect(CashFlows.presentValue(rate: 0.1, [100], firstPeriod: 0) == 100)
    }
}
