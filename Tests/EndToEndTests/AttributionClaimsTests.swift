import Foundation
import Testing

/// *Social Marketing and PR ROI* (chapters 1, 3 and 8) says which attribution models keep
/// Brightwell Outdoor's case positive and which turn it negative. A tag cannot show a
/// figure under a model the scenario did not choose, so this test holds the prose to the
/// numbers: it computes the case under each model and checks the sign the book gives it.
@Suite struct AttributionClaimsTests {
    @Test func theModelsTheBookNamesGiveTheNPVItSays() throws {
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenarios = Tools.repository.appendingPathComponent("content/scenarios")
        let yaml = try String(contentsOf: scenarios.appendingPathComponent("brightwell-outdoor.yaml"), encoding: .utf8)
        try FileManager.default.copyItem(at: scenarios.appendingPathComponent("brightwell-touchpoints.csv"),
                                         to: folder.appendingPathComponent("brightwell-touchpoints.csv"))
        #expect(yaml.contains("\n  model: position-based\n"))
        var positive: [String: Bool] = [:]
        for model in ["first-touch", "last-touch", "linear", "time-decay", "position-based"] {
            let file = folder.appendingPathComponent("brightwell-\(model).yaml")
            try yaml.replacingOccurrences(of: "\n  model: position-based\n", with: "\n  model: \(model)\n")
                .write(to: file, atomically: true, encoding: .utf8)
            let result = try Tools.playbook(["calc", file.path, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let summary = try #require(json["summary"] as? [String: Any])
            let npv = try #require(summary["npv"] as? Double)
            positive[model] = npv > 0
        }
        #expect(positive == ["first-touch": true, "linear": true, "position-based": true, "time-decay": false, "last-touch": false])
        let book = Tools.repository.appendingPathComponent("content/marketing-and-pr")
        let chapter3 = try String(contentsOf: book.appendingPathComponent("03-attribution-models.md"), encoding: .utf8)
        let chapter8 = try String(contentsOf: book.appendingPathComponent("08-the-three-year-case.md"), encoding: .utf8)
        #expect(chapter8.contains("such as time decay or last touch, would turn the NPV negative"))
        #expect(chapter3.contains("time decay") && chapter3.contains("last touch"))
    }
}
