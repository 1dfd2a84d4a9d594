import Foundation
import Testing

/// Chapters that name a scenario take their figures from it, and so do report templates'
/// chapters (written against each report's scenario): no amount of money and no percentage
/// is typed by hand outside code. (Counts such as "three years" are prose.)
@Suite struct HandTypedFiguresTests {
    @Test func chaptersWithAScenarioTypeNoFigures() throws {
        let content = Tools.repository.appendingPathComponent("content")
        var checked = 0
        for path in Tools.files(under: content) where path.hasSuffix(".md") {
            let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let frontMatter = lines.first == "---" ? lines.dropFirst().prefix(while: { $0 != "---" }) : []
            guard path.hasPrefix("reports/") || frontMatter.contains(where: { $0.hasPrefix("scenario:") }) else { continue }
            checked += 1
            var inFence = false
            for (number, line) in lines.enumerated() {
                if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); continue }
                if inFence { continue }
                // Code spans are literal: leave them out.
                let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                    .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
                let money = prose.firstMatch(of: /[$€£]\s?[0-9]/)
                let percent = prose.firstMatch(of: /[0-9]\s?%/)
                #expect(money == nil && percent == nil, "content/\(path):\(number + 1): a figure typed by hand: \(line)")
            }
        }
        #expect(checked >= 9, "the three-year case and the eight chapters of the report template take their figures from scenarios")
    }
}
