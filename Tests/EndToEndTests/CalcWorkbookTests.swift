import Foundation
import Testing

/// `playbook calc SCENARIO --format xlsx --out FILE`: a workbook, the same bytes every time.
@Suite struct CalcWorkbookTests {
    @Test func writesTheSameWorkbookTwice() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        var written: [Data] = []
        for name in ["one.xlsx", "two.xlsx"] {
            let out = work.appendingPathComponent(name)
            let result = try Tools.playbook(["calc", "kestrel-mobile", "--format", "xlsx", "--out", out.path], in: Tools.repository)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "")
            written.append(try Data(contentsOf: out))
        }
        #expect(written[0] == written[1])
        // A zip (PK\3\4) of some size.
        #expect(written[0].prefix(4) == Data([0x50, 0x4b, 3, 4]))
        #expect(written[0].count > 4_000)
    }

    @Test func xlsxNeedsAFile() throws {
        let result = try Tools.playbook(["calc", "kestrel-mobile", "--format", "xlsx"], in: Tools.repository)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--format xlsx writes a file: name it with --out FILE"))
    }
}
