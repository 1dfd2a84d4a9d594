@testable import PlaybookKit
import PlaybookTemplates
import Testing
@testable import PlaybookEvaluate

/// The declarations of the block kinds, checked against what the recipe "to add a block kind"
/// asks for: a built-in template for every kind, and arguments that do not clash.
@Suite struct BlockKindTests {
    @Test(arguments: BlockKind.allCases.map(\.rawValue))
    func everyKindHasABuiltInTemplate(_ kind: String) {
        #expect(StarterFiles.files["templates/blocks/\(kind).mustache"] != nil,
                "add templates/blocks/\(kind).mustache and run python3 scripts/embed-starter.py")
    }

    @Test(arguments: BlockKind.allCases.map(\.rawValue))
    func noKindDeclaresAnArgumentTwiceOrRedeclaresTheCommonOnes(_ kind: String) throws {
        let names = try #require(BlockKind(rawValue: kind)).arguments.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(!names.contains("scenario") && !names.contains("caption"))
    }
}
