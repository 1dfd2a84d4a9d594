import Foundation
import PlaybookCore
@testable import PlaybookImport
import Testing

/// mdBook's `{{#include}}` forms, each resolved against the fixture's `listings/hello.rs`, with
/// the file and line each included line comes from.
@Suite struct IncludeExpanderTests {
    static let book = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mdbook/lighthouse")

    private func expand(_ directive: String) -> (lines: [String], diagnostics: [String]) {
        var expander = IncludeExpander(root: Self.book, label: "lighthouse")
        let file = SourceFile(path: "lighthouse/src/a.md", text: "Before \(directive) after\n")
        let lines = expander.expand(file, path: "src/a.md")
        return (lines.map { "\($0.file.path):\($0.line) \($0.text)" }, expander.diagnostics.map(\.message))
    }

    @Test(arguments: [
        ("{{#include ../listings/hello.rs:2}}", ["lighthouse/src/a.md:1 Before  after"]),
        ("{{#include ../listings/hello.rs:3}}", ["lighthouse/src/a.md:1 Before fn main() { after"]),
        ("{{#include ../listings/hello.rs:3:4}}", ["lighthouse/listings/hello.rs:3 Before fn main() {",
                                                    "lighthouse/listings/hello.rs:4     println!(\"Hello, keeper!\"); after"]),
        ("{{#include ../listings/hello.rs::1}}", ["lighthouse/src/a.md:1 Before use std::io; after"]),
        ("{{#include ../listings/hello.rs:5:}}", ["lighthouse/src/a.md:1 Before } after"]),
        ("{{#rustdoc_include ../listings/hello.rs:main}}", ["lighthouse/listings/hello.rs:3 Before fn main() {",
                                                             "lighthouse/listings/hello.rs:4     println!(\"Hello, keeper!\");",
                                                             "lighthouse/listings/hello.rs:5 } after"]),
        ("\\{{#include ../listings/hello.rs}}", ["lighthouse/src/a.md:1 Before {{#include ../listings/hello.rs}} after"]),
        ("{{#toc}}{{/toc}}", ["lighthouse/src/a.md:1 Before {{#toc}}{{/toc}} after"]),
    ])
    func eachFormIncludesItsLines(directive: String, expected: [String]) {
        let result = expand(directive)
        #expect(result.lines == expected)
        #expect(result.diagnostics == [])
    }

    @Test func whatCannotBeIncludedIsReportedAndLeftOut() {
        #expect(expand("{{#include ../listings/hello.rs:9:12}}").diagnostics == [
            "lighthouse/listings/hello.rs has 6 lines: the lines '9:12' are not there, the include is left out",
        ])
        #expect(expand("{{#include ../listings/hello.rs:mian}}").diagnostics == [
            "lighthouse/listings/hello.rs has no 'ANCHOR: mian': the include is left out",
        ])
        #expect(expand("{{#include ../listings/gone.rs}}").diagnostics == ["cannot include '../listings/gone.rs': there is no such file"])
    }
}
