import Foundation
import Testing

/// Every figure in the shipped series, its report template and the starter project comes from
/// a scenario: outside code, no chapter types an amount of money, a percentage, a number with
/// a thousands separator or a decimal by hand. Such a figure is written as a value tag
/// (`{{ cost_per_call }}`) or shown by a computed block instead. Small counts in words
/// ("three years", "ten steps") are prose; conditions (`::: if npv > $0`, `{{ if roi > 50% }}`)
/// are not shown.
@Suite struct HandTypedFiguresTests {
    /// What is looked for. (A function, because `Regex` is not `Sendable`.)
    static func patterns() -> [(String, Regex<Substring>)] { [
        ("an amount of money", /[$€£]\s?[0-9]/),
        ("a percentage", /[0-9]\s?%/),
        ("a number with a thousands separator", /[0-9],[0-9]{3}/),
        ("a decimal", /[0-9]\.[0-9]/),
    ] }

    /// The lines of Markdown `path` that type a figure by hand, as `path:line: what: line`.
    static func handTypedFigures(in text: String, path: String) -> [String] {
        var found: [String] = []
        var inFence = false
        var inFrontMatter = text.hasPrefix("---\n")
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if inFrontMatter {
                // Front matter: only the title and summary are shown to readers.
                if number > 0 && line == "---" { inFrontMatter = false; continue }
                guard line.hasPrefix("title:") || line.hasPrefix("summary:") else { continue }
            }
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { continue }
            // A block condition's line (`::: if npv > $0`) is not shown to readers.
            if line.hasPrefix(":::") { continue }
            // Code spans are literal, and value tags are computed: leave both out.
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
                .replacing(/\{\{[^}]*\}\}/, with: " ")
            for (what, pattern) in patterns() where prose.firstMatch(of: pattern) != nil {
                found.append("\(path):\(number + 1): \(what) typed by hand: \(line)")
            }
        }
        return found
    }

    @Test func noChapterOfTheSeriesTheReportsOrTheStarterTypesAFigure() throws {
        var checked: [String] = []
        var found: [String] = []
        for root in ["content", "starter/content"] {
            let folder = Tools.repository.appendingPathComponent(root)
            for path in Tools.files(under: folder) where path.hasSuffix(".md") {
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                checked.append("\(root)/\(path)")
                found += Self.handTypedFigures(in: text, path: "\(root)/\(path)")
            }
        }
        #expect(found == [])
        // The three books of the series, the report template and the starter's chapter.
        #expect(checked.filter { $0.hasPrefix("content/customer-service/") }.count >= 6)
        #expect(checked.filter { $0.hasPrefix("content/marketing-and-pr/") }.count >= 6)
        #expect(checked.filter { $0.hasPrefix("content/customer-lifecycle/") }.count >= 6)
        #expect(checked.filter { $0.hasPrefix("content/reports/business-case/") }.count == 8)
        #expect(checked.contains("starter/content/handbook/01-the-business-case.md"))
    }

    @Test func theCheckFindsWhatItLooksFor() {
        let text = """
        ---
        title: Saving 8% of calls
        order: 1
        scenario: x
        ---
        A call costs $6.50, or {{ cost_per_call }}.
        We moved 1,440,000 contacts and `$5 in code` is fine.

        ```playbook metrics
        caption: 12% in a block is fine
        ```
        A rate of 2.4 interactions, in three years.
        ::: if npv > $100_000 and roi > 50%
        Shown {{ if irr > 8.5% }}only{{ end }} then, at 9%.
        :::
        """
        #expect(Self.handTypedFigures(in: text, path: "x.md") == [
            "x.md:2: a percentage typed by hand: title: Saving 8% of calls",
            "x.md:6: an amount of money typed by hand: A call costs $6.50, or {{ cost_per_call }}.",
            "x.md:6: a decimal typed by hand: A call costs $6.50, or {{ cost_per_call }}.",
            "x.md:7: a number with a thousands separator typed by hand: We moved 1,440,000 contacts and `$5 in code` is fine.",
            "x.md:12: a decimal typed by hand: A rate of 2.4 interactions, in three years.",
            "x.md:14: a percentage typed by hand: Shown {{ if irr > 8.5% }}only{{ end }} then, at 9%.",
        ])
    }
}
