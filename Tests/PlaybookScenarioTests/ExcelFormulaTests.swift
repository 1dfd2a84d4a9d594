import PlaybookScenario
import Testing

/// Scenario formulas in Excel's language: operators, unit factors, every function.
@Suite struct ExcelFormulaTests {
    /// Units of the names the formulas below use.
    static let units: [String: Unit] = [
        "calls": Unit(count: 1, time: -1, noun: "calls", timeUnit: .month),  // calls a month
        "handle_time": Unit(time: 1, timeUnit: .minute),  // 6.5 min
        "loaded_cost_per_hour": Unit(money: 1, time: -1, timeUnit: .hour),  // $39/h
        "occupancy": .percent,
        "price": .money,
        "margin": .money,
        "retention": .percent,
        "rate": .percent,
        "years": .number,
        "fte2": .number, "c": .number,
        "a": .number, "b": .number, "z": .number,
    ]

    static func excel(_ text: String, shownIn unit: Unit = .number) throws -> String {
        let expression = try FormulaParser.parse(text, currency: "USD").get()
        return ExcelFormula(unitOf: { units[$0] }).cell(expression, shownIn: unit)
    }

    @Test func operatorsKeepTheTreesGrouping() throws {
        #expect(try Self.excel("a + b × z") == "=a+b*z")
        #expect(try Self.excel("(a + b) × z") == "=(a+b)*z")
        #expect(try Self.excel("a − (b − z)") == "=a-(b-z)")
        #expect(try Self.excel("a − b − z") == "=a-b-z")
        #expect(try Self.excel("a / (b × z)") == "=a/(b*z)")
        #expect(try Self.excel("a ÷ b ÷ z") == "=a/b/z")
        // Playbook's ^ groups to the right; Excel's to the left and below unary minus.
        #expect(try Self.excel("a ^ b ^ z") == "=a^(b^z)")
        #expect(try Self.excel("-a ^ 2") == "=-(a^2)")
        #expect(try Self.excel("-a") == "=-a")
        #expect(try Self.excel("a × -b") == "=a*-b")
    }

    @Test func namesAndResultsAreConvertedBetweenShownAndBaseUnits() throws {
        // $39/h over 85% is dollars per second in Playbook; shown in $/min it is ×60.
        let perMinute = Unit(money: 1, time: -1, timeUnit: .minute)
        #expect(try Self.excel("loaded_cost_per_hour / occupancy", shownIn: perMinute) == "=loaded_cost_per_hour/3600/occupancy*60")
        // Calls a month × 6.5 minutes: a share of time (a plain number), no factor out.
        #expect(try Self.excel("calls × handle_time") == "=calls/2628000*handle_time*60")
        // A duration shown in hours.
        #expect(try Self.excel("handle_time × 2", shownIn: Unit(time: 1, timeUnit: .hour)) == "=handle_time*60*2/3600")
        // Literals in the unit they were written in.
        #expect(try Self.excel("12 min + handle_time", shownIn: Unit(time: 1, timeUnit: .minute)) == "=(12*60+handle_time*60)/60")
        #expect(try Self.excel("price × 8%", shownIn: .money) == "=price*0.08")
        #expect(try Self.excel("$6.50 × 1_200_000", shownIn: .money) == "=6.5*1200000")
    }

    @Test func everyFunctionHasAnExcelForm() throws {
        #expect(try Self.excel("min(a, b, z)") == "=MIN(a,b,z)")
        #expect(try Self.excel("max(a, b)") == "=MAX(a,b)")
        #expect(try Self.excel("abs(a - b)") == "=ABS(a-b)")
        #expect(try Self.excel("round(a)") == "=ROUND(a,0)")
        #expect(try Self.excel("round(a / 3, 2)") == "=ROUND(a/3,2)")
        #expect(try Self.excel("floor(a)") == "=INT(a)")
        #expect(try Self.excel("ceil(a / b)") == "=-INT(-(a/b))")
        #expect(try Self.excel("clamp(a, 0, 1)") == "=MIN(MAX(a,0),1)")
        #expect(try Self.excel("pow(1 + rate, years)") == "=POWER(1+rate,years)")
        #expect(try Self.excel("sqrt(a)") == "=SQRT(a)")
        #expect(try Self.excel("clv(margin, retention, rate)", shownIn: .money)
                == "=IF(1+rate-retention>0,margin*retention/(1+rate-retention),NA())")
        #expect(try Self.excel("clv_start(margin, retention, 10%)", shownIn: .money)
                == "=IF(1+0.1-retention>0,margin*(1+0.1)/(1+0.1-retention),NA())")
        #expect(try Self.excel("pv(rate, years, price × 2)", shownIn: .money)
                == "=IF(AND(years>=0,rate>-1),-PV(rate,years,price*2),NA())")
    }

    @Test func namesExcelWouldReadAsAddressesGetAnUnderscore() throws {
        #expect(try Self.excel("fte2 + a") == "=_fte2+a")
        #expect(try Self.excel("c") == "=_c")
        #expect(ExcelFormula.definedName(for: "calls") == "calls")
        for name in ["fte2", "A1", "xfd1048576", "r", "C", "r1c1", "rc", "R2", "true"] {
            #expect(ExcelFormula.definedName(for: name) == "_" + name, "\(name)")
        }
        for name in ["xfe1", "a0", "a1048577", "rate", "rc_x", "cost", "abcd1"] {
            #expect(ExcelFormula.definedName(for: name) == name, "\(name)")
        }
    }

    @Test func numbersAreWrittenAsExcelReadsThem() {
        #expect(ExcelFormula.number(120_000) == "120000")
        #expect(ExcelFormula.number(0.085) == "0.085")
        #expect(ExcelFormula.number(1.5e-7) == "1.5E-07")
        #expect(ExcelFormula.number(-3) == "-3")
    }
}
