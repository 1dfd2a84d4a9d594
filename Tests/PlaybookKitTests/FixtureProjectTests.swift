import Foundation
import PlaybookCore
import PlaybookKit
import Testing
@testable import PlaybookTransform

/// Every folder in Fixtures/projects is a real project (`project/`) with what building it must
/// give beside it (`expected/`): the printed diagnostics, and, when the build succeeds, the
/// whole site, the unzipped EPUBs and the client reports (their EPUBs byte for byte). `PLAYBOOK_RECORD=1 swift test` re-records them.
@Suite struct FixtureProjectTests {
    static let cases: [String] = {
        let folder = Snapshot.fixtures.appendingPathComponent("projects")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test("fixture project", arguments: cases)
    func fixture(_ name: String) async throws {
        let folder = Snapshot.fixtures.appendingPathComponent("projects/\(name)")
        let expected = folder.appendingPathComponent("expected")
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let output = temporary.url.appendingPathComponent("build")
        let report = await BuildPipeline.run(BuildOptions(projectRoot: folder.appendingPathComponent("project"), output: output,
                                                          sourceDate: nil))
        let printed = DiagnosticPrinter().format(report.diagnostics)
        try Snapshot.assertText(printed, matches: expected.appendingPathComponent("diagnostics.txt"))
        if report.wrote {
            try Snapshot.assertTree(output.appendingPathComponent("site"), matches: expected.appendingPathComponent("site"))
            try Snapshot.assertTree(output.appendingPathComponent("xhtml"), matches: expected.appendingPathComponent("xhtml"))
            let reports = output.appendingPathComponent("reports")
            if FileManager.default.fileExists(atPath: reports.path) || FileManager.default.fileExists(atPath: expected.appendingPathComponent("reports").path) {
                try Snapshot.assertTree(reports, matches: expected.appendingPathComponent("reports"))
            }
        } else {
            #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build must write nothing")
            #expect(!FileManager.default.fileExists(atPath: expected.appendingPathComponent("site").path),
                    "the snapshot has a site but the build failed")
        }
    }
}
