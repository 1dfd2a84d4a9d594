import Foundation
import PlaybookCore
import PlaybookKit
@testable import PlaybookEvaluate
import PlaybookMarkdown
import PlaybookScenario
import Testing

/// Conditions in chapter text (`::: if`, `{{ if }}`, `{{ check }}`) and value tag formats,
/// decided for small scenarios: whole dumps of the evaluated chapter and whole diagnostics.
@Suite struct ConditionTests {
    /// A scenario: one benefit line (a yearly amount with a risk adjustment), one initial cost.
    static func scenario(benefit: String = "$60_000", risk: String = "0%", initialCost: String = "$50_000",
                         yearlyCost: String? = nil, ranges: Bool = false, locale: String = "en-US") -> String {
        """
        client: Acme
        locale: \(locale)
        horizon: 3 years
        discount_rate: 10%
        inputs:
          calls: 1_620 calls
          handle_time: 18 months
          share: \(ranges ? "{ low: 5%, expected: 8%, high: 12% }" : "8%")
          price: $6.50/call
        metrics:
          revenue: calls * price
          ratio: { formula: 0.405, decimals: 3 }
        costs:
          initial:
            platform: \(initialCost)
        \(yearlyCost.map { "  yearly:\n    team: \($0)" } ?? "")
        benefits:
          yearly:
            shift: { value: \(benefit), risk: \(risk) }
        """
    }

    static let header = "---\ntitle: A\norder: 1\nscenario: acme\n---\n"

    /// The chapter `body` (after the header, from line 6) evaluated for the scenario: the dump
    /// of its document, then what was printed.
    static func run(_ body: String, scenario yaml: String = scenario(), named: Bool = true) throws -> String {
        let header = named ? Self.header : "---\ntitle: A\norder: 1\n---\n"
        let file = SourceFile(path: "content/one/01-a.md", text: header + body)
        let (loaded, scenarioDiagnostics) = Scenario.load(SourceFile(path: "content/scenarios/acme.yaml", text: yaml)) { _ in
            .failure(.error(.missingFile, "no such file", at: nil))
        }
        #expect(DiagnosticPrinter().format(scenarioDiagnostics) == "")
        let scenario = try #require(loaded)
        let firstLine = named ? 6 : 5
        let (document, parseDiagnostics) = MarkdownParser().parse(body, in: file, firstLine: firstLine)
        let chapter = Chapter(slug: "01-a", source: file,
                              frontMatter: ChapterFrontMatter(title: "A", order: 1,
                                                              scenario: named ? ("acme", file.location(line: 4, column: 11)) : nil),
                              document: document)
        let context = ScenarioContext(scenarios: ["acme": scenario], allNames: ["acme"])
        let (evaluated, diagnostics) = ComputedContentPass.run(chapter, context: context)
        let printed = DiagnosticPrinter().format(parseDiagnostics + diagnostics)
        return evaluated.document.dump() + (printed.isEmpty ? "" : "---\n" + printed)
    }

    static let loss = scenario(benefit: "$10_000", risk: "10%")

    // MARK: - Block conditions

    @Test func aBlockConditionKeepsTheBranchThatHolds() throws {
        let body = """
        Before.

        ::: if npv > $0
        It pays for itself.
        ::: else if pays_back
        It pays back.
        ::: else
        It does not pay for itself.
        :::

        After.

        """
        #expect(try Self.run(body) == """
        paragraph
          text "Before."
        paragraph
          text "It pays for itself."
        paragraph
          text "After."

        """)
        #expect(try Self.run(body, scenario: Self.loss) == """
        paragraph
          text "Before."
        paragraph
          text "It does not pay for itself."
        paragraph
          text "After."

        """)
    }

    @Test func blockConditionsNestAndGlueToNoParagraph() throws {
        let body = """
        Start of a paragraph
        ::: if has_costs
        - a cost
        ::: if has_risk
        - a risk
        ::: else
        - no risk
        :::
        - last
        :::
        end.

        """
        #expect(try Self.run(body) == """
        paragraph
          text "Start of a paragraph"
        list bullet tight
          item
            paragraph
              text "a cost"
        list bullet tight
          item
            paragraph
              text "no risk"
        list bullet tight
          item
            paragraph
              text "last"
        paragraph
          text "end."

        """)
    }

    @Test(arguments: [
        ("has_ranges", scenario(ranges: true), scenario()),
        ("has_risk", scenario(risk: "10%"), scenario()),
        ("has_initial_costs", scenario(), scenario(initialCost: "$0", yearlyCost: "$1_000")),
        ("has_yearly_costs", scenario(yearlyCost: "$1_000"), scenario()),
        ("has_costs", scenario(), scenario(initialCost: "$0")),
        ("has_benefits", scenario(), scenario(benefit: "$0")),
        ("pays_back", scenario(), loss),
        ("pays_back_discounted", scenario(), loss),
        ("has_irr", scenario(), scenario(benefit: "$0")),
        ("has_roi", scenario(), scenario(initialCost: "$0")),
        ("benefit_count = 1", scenario(), scenario(initialCost: "$0").replacingOccurrences(of: "  yearly:\n    shift:", with: "  yearly:\n    other: $5\n    shift:")),
        ("cost_count < 2", scenario(), scenario(yearlyCost: "$1_000")),
        ("not has_objectives and not has_attribution", scenario(), scenario() + "\nobjectives:\n  - kpi: revenue\n    target: $20_000\n"),
    ])
    func eachFactIsTrueAndFalse(condition: String, holds: String, fails: String) throws {
        let body = "::: if \(condition)\nyes\n::: else\nno\n:::\n"
        #expect(try Self.run(body, scenario: holds) == "paragraph\n  text \"yes\"\n", "\(condition)")
        #expect(try Self.run(body, scenario: fails) == "paragraph\n  text \"no\"\n", "\(condition)")
    }

    @Test(arguments: [
        ("npv > $0 and roi >= 50%", true),
        ("(npv > $100_000 or irr > 8%) and not has_risk", true),
        ("payback_months < 2 years", true),
        ("payback_months ≤ 9 months", false),
        ("pv_benefits - pv_costs = npv", true),
        ("total_benefits ≠ $180_000", false),
        ("calls > 1_000", true),
        ("calls >= 2_000", false),
        ("share * 100 = 8", true),
        ("ratio < 50%", true),
        ("max(npv, $0) > 0", true),
    ])
    func comparisonsReadUnitsAndPercentages(condition: String, holds: Bool) throws {
        let body = "{{ if \(condition) }}yes{{ else }}no{{ end }}\n"
        #expect(try Self.run(body) == "paragraph\n  text \"\(holds ? "yes" : "no")\"\n", "\(condition)")
    }

    @Test func aFigureWithoutAValueMakesEveryComparisonFalse() throws {
        let body = "{{ if payback_months < 100 years }}a{{ else }}b{{ end }} {{ if not (irr > 0%) }}c{{ end }} {{ if roi != 5% }}d{{ else }}e{{ end }}\n"
        // No benefits: no payback and no IRR; ROI is −100%.
        #expect(try Self.run(body, scenario: Self.scenario(benefit: "$0")) == "paragraph\n  text \"b c d\"\n")
        // No costs: no ROI; payback is immediate (0 months).
        #expect(try Self.run(body, scenario: Self.scenario(initialCost: "$0")) == "paragraph\n  text \"a c e\"\n")
    }

    @Test func aComparisonOfMoneyWithAPercentageIsLocated() throws {
        #expect(try Self.run("{{ if npv > 50% }}a{{ end }}b\n") == """
        paragraph
          text "b"
        ---
        content/one/01-a.md:6:11: error: cannot compare money with a percentage [unit-mismatch]
          6 | {{ if npv > 50% }}a{{ end }}b
            |           ^
          hint: compare money with an amount ($0, $50000), a share such as roi with a percentage (50%), a duration with a duration (2 years)
        1 error

        """)
    }

    // MARK: - Inline conditions

    @Test func inlineBranchesHoldMarkupAndNest() throws {
        let body = "The case {{ if npv > $0 }}*pays* {{ if has_risk }}after risk{{ else }}[as is](#x){{ end }}{{ else }}does not pay{{ end }}.\n"
        #expect(try Self.run(body) == """
        paragraph
          text "The case "
          emphasis
            text "pays"
          text " "
          link @6:71 "#x"
            text "as is"
          text "."

        """)
        #expect(try Self.run(body, scenario: Self.loss) == "paragraph\n  text \"The case does not pay.\"\n")
    }

    // MARK: - Checks

    @Test func aCheckThatHoldsWritesNothing() throws {
        #expect(try Self.run("It pays.{{ check npv > $0 and pays_back }}\n") == "paragraph\n  text \"It pays.\"\n")
    }

    @Test func aCheckThatFailsShowsTheFigures() throws {
        #expect(try Self.run("It pays for itself.{{ check npv > $0 and roi > 0% }}\n", scenario: Self.loss) == """
        paragraph
          text "It pays for itself."
        ---
        content/one/01-a.md:6:20: error: the text requires 'npv > $0 and roi > 0%', but npv is −$27,618 and roi is −55.2% [check-failed]
          6 | It pays for itself.{{ check npv > $0 and roi > 0% }}
            |                    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: change the text to match the figures, or show it only where it holds with {{ if … }} or '::: if …'
        1 error

        """)
        #expect(try Self.run("Soon.{{ check payback_months < 2 years }} {{ check has_risk }}\n") == """
        paragraph
          text "Soon. "
        ---
        content/one/01-a.md:6:43: error: the text requires 'has_risk', but has_risk is false [check-failed]
          6 | Soon.{{ check payback_months < 2 years }} {{ check has_risk }}
            |                                           ^~~~~~~~~~~~~~~~~~~~
          hint: change the text to match the figures, or show it only where it holds with {{ if … }} or '::: if …'
        1 error

        """)
        #expect(try Self.run("Soon.{{ check payback_months < 2 years }}\n", scenario: Self.loss) == """
        paragraph
          text "Soon."
        ---
        content/one/01-a.md:6:6: error: the text requires 'payback_months < 2 years', but payback_months has no value (not within the horizon) [check-failed]
          6 | Soon.{{ check payback_months < 2 years }}
            |      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: change the text to match the figures, or show it only where it holds with {{ if … }} or '::: if …'
        1 error

        """)
    }

    // MARK: - Mistakes

    @Test func mistakesInBlockConditionsAreLocated() throws {
        let body = """
        ::: if npvv > $0
        a
        ::: else
        b
        ::: else
        c
        :::
        :::
        ::: else if has_risk
        ::: if
        ::: note
        ::: if npv > 50%
        d
        """
        #expect(try Self.run(body) == """
        paragraph
          text "b"
        paragraph
          text "c"
        ---
        content/one/01-a.md:6:8: error: the scenario 'acme' has no figure or fact 'npvv' [unknown-value]
          6 | ::: if npvv > $0
            |        ^~~~
          hint: did you mean 'npv'?
        content/one/01-a.md:10:1: error: this block condition already has a '::: else' [condition-syntax]
          10 | ::: else
             | ^~~~~~~~
          hint: '::: else' is the last branch of a block condition; close the block with ':::' first
        content/one/01-a.md:13:1: error: this ':::' closes no '::: if' [condition-syntax]
          13 | :::
             | ^~~
          hint: remove it, or open the block with '::: if CONDITION' before
        content/one/01-a.md:14:1: error: this '::: else if' has no '::: if' before it [condition-syntax]
          14 | ::: else if has_risk
             | ^~~~~~~~~~~~~~~~~~~~
          hint: start the block with '::: if CONDITION'
        content/one/01-a.md:15:1: error: '::: if' needs a condition [condition-syntax]
          15 | ::: if
             | ^~~~~~
          hint: write for example '::: if npv > $0' or '::: if has_ranges'
        content/one/01-a.md:15:1: error: this '::: if' is never closed [condition-syntax]
          15 | ::: if
             | ^~~~~~
          hint: end the block with a line holding ':::' alone
        content/one/01-a.md:16:1: error: '::: note' is not a block condition [condition-syntax]
          16 | ::: note
             | ^~~~~~~~
          hint: a line starting with ':::' is '::: if CONDITION', '::: else if CONDITION', '::: else' or ':::' alone
        content/one/01-a.md:17:1: error: this '::: if' is never closed [condition-syntax]
          17 | ::: if npv > 50%
             | ^~~~~~~~~~~~~~~~
          hint: end the block with a line holding ':::' alone
        8 errors

        """)
    }

    @Test func mistakesInInlineConditionsAreLocated() throws {
        let body = """
        {{ if npv > }}a{{ end }} {{ if has_rsk }}b{{ end }} {{ if npv > $0 and }}c{{ end }}
        {{ if roi > 5% }}open *{{ if npv > $0 }}inside* {{ end }}
        {{ else }} {{ end }} {{ if irr }}x{{ end }} {{ if npv > $0 > $1 }}y{{ end }}
        """
        #expect(try Self.run(body) == """
        paragraph
          text "  "
          softbreak
          text "open "
          emphasis
            text "inside"
          text " "
          softbreak
          text "   "
        ---
        content/one/01-a.md:6:11: error: a value is missing after the comparison [condition-syntax]
          6 | {{ if npv > }}a{{ end }} {{ if has_rsk }}b{{ end }} {{ if npv > $0 and }}c{{ end }}
            |           ^
          hint: compare two values, as in 'npv > $0'
        content/one/01-a.md:6:32: error: the scenario 'acme' has no figure or fact 'has_rsk' [unknown-value]
          6 | {{ if npv > }}a{{ end }} {{ if has_rsk }}b{{ end }} {{ if npv > $0 and }}c{{ end }}
            |                                ^~~~~~~
          hint: did you mean 'has_risk'?
        content/one/01-a.md:6:70: error: the condition ends where a comparison or a fact was expected [condition-syntax]
          6 | {{ if npv > }}a{{ end }} {{ if has_rsk }}b{{ end }} {{ if npv > $0 and }}c{{ end }}
            |                                                                      ^
          hint: write for example 'npv > $0' or 'has_ranges'
        content/one/01-a.md:7:24: error: this '{{ if }}' has no '{{ end }}' in the same paragraph [condition-syntax]
          7 | {{ if roi > 5% }}open *{{ if npv > $0 }}inside* {{ end }}
            |                        ^~~~~~~~~~~~~~~~~
          hint: close it with {{ end }}; an inline condition opens and closes in one paragraph, and inside emphasis or a link it closes there too
        content/one/01-a.md:8:1: error: this '{{ else }}' has no '{{ if }}' before it in the paragraph [condition-syntax]
          8 | {{ else }} {{ end }} {{ if irr }}x{{ end }} {{ if npv > $0 > $1 }}y{{ end }}
            | ^~~~~~~~~~
          hint: start the condition with {{ if CONDITION }}
        content/one/01-a.md:8:12: error: this '{{ end }}' closes no '{{ if }}' in the paragraph [condition-syntax]
          8 | {{ else }} {{ end }} {{ if irr }}x{{ end }} {{ if npv > $0 > $1 }}y{{ end }}
            |            ^~~~~~~~~
          hint: remove it, or open the condition with {{ if CONDITION }} in the same paragraph
        content/one/01-a.md:8:28: error: 'irr' is a figure, not a fact [condition-syntax]
          8 | {{ else }} {{ end }} {{ if irr }}x{{ end }} {{ if npv > $0 > $1 }}y{{ end }}
            |                            ^~~
          hint: compare it with a value, as in 'irr > 0'
        content/one/01-a.md:8:60: error: compare two values at a time [condition-syntax]
          8 | {{ else }} {{ end }} {{ if irr }}x{{ end }} {{ if npv > $0 > $1 }}y{{ end }}
            |                                                            ^
          hint: join comparisons with 'and': 'a < b and b < c'
        8 errors

        """)
    }

    @Test func aConditionNeedsAScenario() throws {
        #expect(try Self.run("::: if npv > $0\nyes\n:::\n\n{{ if has_risk }}a{{ end }}\n", named: false) == """
        ---
        content/one/01-a.md:5:1: error: '::: if' needs a scenario, and this chapter names none [no-scenario]
          5 | ::: if npv > $0
            | ^~~~~~~~~~~~~~~
          hint: add 'scenario: <name>' to the front matter
        content/one/01-a.md:9:1: error: a condition needs a scenario, and this chapter names none [no-scenario]
          9 | {{ if has_risk }}a{{ end }}
            | ^~~~~~~~~~~~~~~~~
          hint: add 'scenario: <name>' to the front matter
        2 errors

        """)
    }

    @Test func aRemovedBranchLeavesLaterLinesAndTagsInPlace() throws {
        let body = """
        ::: if npv < $0
        Loss of {{ npv }} and {{ nope }}.

        More lines.
        :::
        Then {{ npv }} and {{ nope }}.

        """
        #expect(try Self.run(body) == """
        paragraph
          text "Then $99,211 and {{ nope }}."
        ---
        content/one/01-a.md:11:20: error: the scenario 'acme' has no input, metric or figure 'nope' [unknown-value]
          11 | Then {{ npv }} and {{ nope }}.
             |                    ^~~~~~~~~~
        1 error

        """)
    }

    // MARK: - Formats

    @Test func formatsShowFiguresOfEveryKind() throws {
        let body = """
        {{ calls | number }} new patients; {{ calls | words }}; {{ npv | number }}; {{ npv | money }}; {{ npv | money: 2 }};
        {{ roi | percent }}; {{ roi | percent: 0 }}; {{ roi | number: 2 }}; {{ ratio | percent }}; {{ share | number }};
        {{ handle_time | words }}; {{ handle_time | number }}; {{ payback_months | number: 2 }}; {{ price | money: 0 }};
        {{ benefit_count | words }} benefit; {{ cost_count }}; {{ irr | percent }}; {{ revenue | money }}; {{ roi.raw }};
        {{ horizon }}; {{ horizon | words }}; {{ horizon.raw }}; {{ benefit_count.raw }}; {{ if payback_months < horizon }}within{{ end }}
        """
        #expect(try Self.run(body) == """
        paragraph
          text "1,620 new patients; 1,620 calls; 99,211; $99,211; $99,211.00;"
          softbreak
          text "198.4%; 198%; 198.42; 40.5%; 8.0;"
          softbreak
          text "eighteen months; 18; 10.00; $7/call;"
          softbreak
          text "one benefit; 1; 106.3%; $10,530; 1.98422;"
          softbreak
          text "3 years; three years; 3; 1; within"

        """)
    }

    /// The examples of the README's table of formats, over the shipped Kestrel Mobile scenario.
    @Test func theReadmeFormatsShowWhatTheREADMESays() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let yaml = try String(contentsOf: repository.appendingPathComponent("content/scenarios/kestrel-mobile.yaml"), encoding: .utf8)
        let body = """
        {{ contacts_per_month }}; {{ contacts_per_month | number }}; {{ npv | number }}; {{ roi | number: 2 }}; {{ roi | percent }};
        {{ roi | percent: 0 }}; {{ phone_share | number }}; {{ npv | money }}; {{ cost_per_call | money: 0 }};
        {{ response_time_target | words }}; {{ fast_resolution_time | words }}; {{ interactions_per_resolution | words }}; {{ payback_months | number }}; {{ roi.raw }}
        """
        #expect(try Self.run(body, scenario: yaml) == """
        paragraph
          text "120,000 contacts; 120,000; 482,200; 40.46; 40.5%;"
          softbreak
          text "40%; 70.0; $482,200; $7/call;"
          softbreak
          text "thirty minutes; four hours; 2.4; 15.6; 0.4046340755261"

        """)
    }

    @Test func formatsFollowTheScenariosLocale() throws {
        let body = "{{ calls | number }}; {{ npv | money }}; {{ npv | money: 2 }}; {{ roi | percent }}; {{ horizon | words }}; {{ handle_time | number }}\n"
        // German digits and currency placement; `words` falls back to the tag's text outside English.
        #expect(try Self.run(body, scenario: Self.scenario(locale: "de-DE")) == """
        paragraph
          text "1.620; 99.211\u{00A0}US$; 99.211,00\u{00A0}US$; 198,4\u{00A0}%; 3 years; 18"

        """)
    }

    @Test func wordsSpellSmallWholeNumbersInEnglishOnly() {
        #expect([0, 1, 7, 19, 20, 42, 99].map(ValueFormat.spell) == ["zero", "one", "seven", "nineteen", "twenty", "forty-two", "ninety-nine"])
    }

    @Test func formatMistakesAreLocated() throws {
        let body = "{{ npv | percent }} {{ roi | money }} {{ npv | percent: x }} {{ npv | bold }} {{ npv.raw | number }} {{ client | number }}\n"
        #expect(try Self.run(body) == """
        paragraph
          text "{{ npv | percent }} {{ roi | money }} {{ npv | percent: x }} {{ npv | bold }} {{ npv.raw | number }} {{ client | number }}"
        ---
        content/one/01-a.md:6:1: error: 'npv' is money, not a share [value-format]
          6 | {{ npv | percent }} {{ roi | money }} {{ npv | percent: x }} {{ npv | bold }} {{ npv.raw | number }}…
            | ^~~~~~~~~~~~~~~~~~~
          hint: '| percent' shows a share such as roi as a percentage; use '| number' or '| money'
        content/one/01-a.md:6:21: error: 'roi' is a percentage, not money [value-format]
          6 | {{ npv | percent }} {{ roi | money }} {{ npv | percent: x }} {{ npv | bold }} {{ npv.raw | number }}…
            |                     ^~~~~~~~~~~~~~~~~
          hint: '| money' shows an amount of money; use '| number' or '| percent'
        content/one/01-a.md:6:39: error: 'x' is not a number of decimals [value-format]
          6 | …v | percent }} {{ roi | money }} {{ npv | percent: x }} {{ npv | bold }} {{ npv.raw | number }} {{ c…
            |                                   ^~~~~~~~~~~~~~~~~~~~~~
          hint: write a whole number from 0 to 6, as in '| percent: 1'
        content/one/01-a.md:6:62: error: there is no format 'bold' [value-format]
          6 | … roi | money }} {{ npv | percent: x }} {{ npv | bold }} {{ npv.raw | number }} {{ client | number }}
            |                                         ^~~~~~~~~~~~~~~~
          hint: the formats are number, percent, money and words
        content/one/01-a.md:6:79: error: '.raw' takes no format [value-format]
          6 | … roi | money }} {{ npv | percent: x }} {{ npv | bold }} {{ npv.raw | number }} {{ client | number }}
            |                                                          ^~~~~~~~~~~~~~~~~~~~~~
          hint: write {{ npv.raw }} for the plain number, or a format without '.raw'
        content/one/01-a.md:6:102: error: 'client' is text; formats apply to figures [value-format]
          6 | … roi | money }} {{ npv | percent: x }} {{ npv | bold }} {{ npv.raw | number }} {{ client | number }}
            |                                                                                 ^~~~~~~~~~~~~~~~~~~~~
          hint: write {{ client }}
        6 errors

        """)
    }

    @Test func aTitleTakesValueTagsOnly() {
        let file = SourceFile(path: "content/one/01-a.md", text: "---\ntitle: \"{{ if npv > $0 }}Win{{ end }}\"\n---\n")
        var values = InlineValues(context: ScenarioContext(scenarios: [:], allNames: []), chapterScenario: "acme", file: file)
        #expect(values.replace(in: "{{ if npv > $0 }}Win{{ end }}") == "{{ if npv > $0 }}Win{{ end }}")
        #expect(DiagnosticPrinter().format(values.diagnostics) == """
        content/one/01-a.md:2:9: error: a title or setting cannot hold '{{ if npv > $0 }}' [condition-syntax]
          2 | title: "{{ if npv > $0 }}Win{{ end }}"
            |         ^~~~~~~~~~~~~~~~~
          hint: write conditions and checks in the chapter's text; titles, summaries and report settings take value tags only
        content/one/01-a.md:2:29: error: a title or setting cannot hold '{{ end }}' [condition-syntax]
          2 | title: "{{ if npv > $0 }}Win{{ end }}"
            |                             ^~~~~~~~~
          hint: write conditions and checks in the chapter's text; titles, summaries and report settings take value tags only
        2 errors

        """)
    }

    @Test func theParsedTreeKeepsTheBranchesWithTheirLines() {
        let body = "# Title\n\n::: if npv > $0\nYes [a][r].\n::: else if  has_risk\n::: if pays_back\n## Inner\n:::\n::: else\n:::\n\n[r]: https://example.com\n"
        let file = SourceFile(path: "content/one/01-a.md", text: Self.header + body)
        let (document, diagnostics) = MarkdownParser().parse(body, in: file, firstLine: 6)
        #expect(diagnostics.isEmpty)
        #expect(document.dump() == """
        heading 1 @6:1
          text "Title"
        conditional @8:1
          if @8:8 "npv > $0" lines=9-9
            paragraph
              text "Yes "
              link @9:5 "https://example.com"
                text "a"
              text "."
          if @10:14 "has_risk" lines=11-13
            conditional @11:1
              if @11:8 "pays_back" lines=12-12
                heading 2 @12:1
                  text "Inner"
          else lines=15-14

        """)
    }

    /// Any text where a condition goes is a decision or located errors, never a crash: 2,000
    /// random conditions, tags and marker lines made of the pieces conditions are written with.
    @Test(arguments: [16, 1, 2, 3] as [UInt64]) func randomConditionsAreDecidedOrReported(seed: UInt64) throws {
        let pieces = ["npv", "roi", "irr", "has_risk", "pays_back", "horizon", "calls", "client", " and ", " or ", "not ", "(", ")",
                      " > ", " <= ", " = ", " ≠ ", "$0", "50%", "2 years", "1_000", " + ", " * ", " / ", "max(", ",", "-", "ü",
                      "{{ if ", "{{ else }}", "{{ end }}", "{{ check ", " }}", "| money", "| words", "\n::: if ", "\n::: else\n", "\n:::\n", "*", "[a](#b)"]
        var generator = SeededGenerator(seed: seed)
        var body = ""
        for round in 0..<2_000 {
            let count = Int.random(in: 1...8, using: &generator)
            body += (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            body += round % 7 == 0 ? "\n\n" : " "
        }
        let result = try Self.run(body)
        #expect(result.contains("error"))
    }

    @Test func aConditionShownInCodeIsNotAMarker() throws {
        let body = "```markdown\n::: if npv > $0\n:::\n```\n"
        #expect(try Self.run(body) == "code @6:1 info=\"markdown\" \"::: if npv > $0\\n:::\\n\"\n")
    }
}

/// A report template is parsed once and bound per client: each client's report keeps the
/// branches that hold for its own scenario.
@Suite struct ReportConditionTests {
    @Test func twoClientsOfOneBuildGetTheirOwnBranches() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write([
            "playbook.yaml": "title: T\nauthors: [A]\nlanguage: en\nbooks: [one]\nreports: [gain, loss]\nreport_template: case\n",
            "content/one/book.yaml": "title: One\ndate: 2026-01-01\n",
            "content/one/01-a.md": "---\ntitle: A\norder: 1\n---\nText.\n",
            "content/scenarios/gain.yaml": ConditionTests.scenario().replacingOccurrences(of: "client: Acme", with: "client: Gain Co"),
            "content/scenarios/loss.yaml": ConditionTests.loss.replacingOccurrences(of: "client: Acme", with: "client: Loss Co"),
            "content/reports/case/report.yaml": "title: \"{{ client }}\"\n",
            "content/reports/case/01-summary.md": """
            ---
            title: Summary
            order: 1
            ---

            ::: if npv > $0
            The programme pays for itself: {{ npv | money }}.
            ::: else
            The programme does not pay for itself within {{ handle_time | words }}.
            :::

            It {{ if pays_back }}pays back in {{ payback_months | number }} months{{ else }}does not pay back{{ end }}.

            """,
        ])
        let report = await BuildPipeline.run(BuildOptions(projectRoot: folder.url))
        #expect(DiagnosticPrinter().format(report.diagnostics) == "")
        func paragraphs(_ client: String) throws -> [String] {
            let html = try String(contentsOf: folder.url.appendingPathComponent("build/reports/\(client)/index.html"), encoding: .utf8)
            return html.components(separatedBy: "<p>").dropFirst().compactMap { $0.components(separatedBy: "</p>").first }
                .filter { $0.hasPrefix("The programme") || $0.hasPrefix("It ") }
        }
        #expect(try paragraphs("gain") == ["The programme pays for itself: $99,211.", "It pays back in 10.0 months."])
        #expect(try paragraphs("loss") == ["The programme does not pay for itself within eighteen months.", "It does not pay back."])
    }
}
