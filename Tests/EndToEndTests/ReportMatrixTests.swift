import Foundation
import Testing

/// The shipped report template over a matrix of scenarios: every sentence it writes must be
/// true of the figures it writes it about. Each scenario in Fixtures/report-matrix/ stresses
/// one thing (a loss, no risk, no ranges, no initial outlay, no costs at all, one benefit,
/// amounts in billions or in single dollars, every optional key absent); the test reads each
/// report's text as a reader gets it and fails on any contradiction with its metrics.json.
@Suite struct ReportMatrixTests {
    /// The matrix scenarios, by client folder name.
    static let clients = ["profitable", "loss-making", "zero-risk", "no-ranges", "no-initial", "one-benefit",
                          "huge", "tiny", "minimal", "no-costs", "with-objectives"]

    static let folder = Tools.repository.appendingPathComponent("Tests/EndToEndTests/Fixtures/report-matrix")

    /// What a report's text must and must not say, given its figures.
    struct Facts {
        var npv: Double
        var hasROI: Bool
        var paysBack: Bool
        var hasRisk: Bool
        var hasRanges: Bool
        var probabilityPositive: Double?
        /// The simulation's median NPV, when there is a simulation.
        var npvP50: Double?

        init(metrics: [String: Any], scenario: String) {
            let summary = metrics["summary"] as? [String: Any] ?? [:]
            npv = summary["npv"] as? Double ?? 0
            hasROI = summary["roi"] is Double
            paysBack = (summary["payback"] as? String) != "not-within-horizon"
            hasRisk = scenario.range(of: #"risk: *[1-9]"#, options: .regularExpression) != nil
            hasRanges = scenario.contains("low:")
            let simulation = metrics["simulation"] as? [String: Any]
            probabilityPositive = simulation?["probability_roi_positive"] as? Double
            npvP50 = (simulation?["npv"] as? [String: Any])?["p50"] as? Double
        }
    }

    /// The report's text as a reader sees it: tags removed, entities decoded, code left out.
    static func readableText(_ html: String) -> String {
        var text = html
        for pattern in [#"<style[\s\S]*?</style>"#, #"<code[\s\S]*?</code>"#, #"<svg[\s\S]*?</svg>"#, #"<[^>]+>"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    /// Sentences (or phrases) of `text` that contain `phrase`, for the failure message.
    static func hits(_ phrase: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let range = rest.range(of: phrase, options: .caseInsensitive) {
            let start = text.index(range.lowerBound, offsetBy: -80, limitedBy: text.startIndex) ?? text.startIndex
            let end = text.index(range.upperBound, offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex
            found.append(String(text[start..<end]))
            rest = text[range.upperBound...]
        }
        return found
    }

    /// Every contradiction between `text` and `facts`; empty when the report is true.
    static func contradictions(_ text: String, _ facts: Facts) -> [String] {
        var problems: [String] = []
        func never(_ phrases: [String], because reason: String) {
            for phrase in phrases { for hit in hits(phrase, in: text) { problems.append("\(reason): “\(hit)”") } }
        }
        func always(_ phrase: String, because reason: String) {
            if hits(phrase, in: text).isEmpty { problems.append("\(reason): no “\(phrase)”") }
        }
        never(["{{", "}}", ":::", "scenario file", "playbook calc", "Published with", "metrics.json", "metrics.csv", ".yaml"],
              because: "template or tool text reaches the client")
        for match in text.matches(of: /\b[a-z]+(?:_[a-z0-9]+)+\b/) {
            problems.append("a snake_case name reaches the client: \(match.output)")
        }
        never([" at not within", "positive at not", "after not within", "is — ", "of —", "a dash"], because: "a missing figure is written into a sentence")
        if facts.npv < 0 {
            never(["adds value", "exceed its costs", "exceeds that of the costs", "pays for itself", "earns more than the discount rate",
                   "more than recovers its costs. ", "creates value"], because: "the NPV is negative")
            always("does not recover its costs", because: "a loss must be said")
        }
        if facts.npv > 0 {
            never(["does not recover its costs", "fall short of its costs", "earns less than the discount rate"], because: "the NPV is positive")
        }
        if !facts.hasRisk {
            never(["adjusted for risk", "risk-adjusted", "allowance for risk", "allowances for risk", "price of caution",
                   "Before risk adjustment", "allowance for uncertainty"], because: "no line carries a risk adjustment")
        }
        if !facts.hasRanges {
            never(["Sensitivity and risk", "simulated outcomes", "the P10", "Low case:", "Monte Carlo"], because: "the scenario has no ranges")
        }
        if !facts.paysBack {
            never(["turns positive within", "which turns positive", "Payback: 1", "Payback: 2", "Payback: 3"], because: "payback is not within the horizon")
            always("Payback: not within the", because: "the missing payback must be said")
        }
        if !facts.hasROI {
            never(["ROI of", "= —", "ROI is positive in", "the ROI is above zero", "costs, with a present value of $0"], because: "there is no ROI without costs")
            always("Return on investment (ROI): none", because: "the missing ROI must be said")
        }
        if let median = facts.npvP50, median >= facts.npv {
            never(["more favourable than most"], because: "the median NPV is not below the expected case")
        }
        if facts.hasROI, let probability = facts.probabilityPositive, probability < 0.5 {
            always("less than an even chance", because: "a probability of a positive ROI under 50% must be said")
        }
        return problems
    }

    @Test(arguments: clients) func everySentenceIsTrueOfItsFigures(client: String) throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let scenario = Self.folder.appendingPathComponent("\(client).yaml")
        let run = try Tools.playbook(["report", scenario.path, "--out", out.path, "--no-pdf"], in: Tools.repository)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("\(client)/index.html"), encoding: .utf8)
        let data = try Data(contentsOf: out.appendingPathComponent("\(client)/metrics.json"))
        let metrics = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let facts = Facts(metrics: metrics, scenario: try String(contentsOf: scenario, encoding: .utf8))
        let problems = Self.contradictions(Self.readableText(html), facts)
        #expect(problems.isEmpty, "\(client):\n\(problems.joined(separator: "\n"))")
    }

    /// The checker itself finds what it is for: the old template's sentences fail it.
    @Test func theCheckerCatchesTheOldContradictions() {
        let loss = Facts(npv: -52_681, hasROI: true, paysBack: false, hasRisk: false, hasRanges: false, probabilityPositive: 0.355)
        let problems = Self.contradictions(
            "The benefits exceed its costs and the programme pays for itself. The gap is the price of caution, each benefit adjusted for risk. " +
            "The cumulative position turns positive at not within the horizon. Computed from the scenario file kestrel.yaml with contact_shift_savings.",
            loss)
        #expect(problems.count >= 8, "\(problems)")
    }
}

extension ReportMatrixTests.Facts {
    init(npv: Double, hasROI: Bool, paysBack: Bool, hasRisk: Bool, hasRanges: Bool, probabilityPositive: Double?) {
        self.npv = npv; self.hasROI = hasROI; self.paysBack = paysBack; self.hasRisk = hasRisk
        self.hasRanges = hasRanges; self.probabilityPositive = probabilityPositive
        npvP50 = nil
    }
}
