import PlaybookCore
@testable import PlaybookKit
import PlaybookYAML
import Testing
@testable import PlaybookEvaluate
@testable import PlaybookLoad

@Suite struct YAMLAndSettingsTests {
    private func printed(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticPrinter().format(diagnostics)
    }

    @Test func aDuplicateKeyPointsAtTheSecondOne() {
        let file = SourceFile(path: "playbook.yaml", text: "title: A\nlanguage: en\ntitle: B\n")
        guard case .failure(let diagnostic) = YAMLParser.parse(file.text, in: file) else {
            Issue.record("a duplicate key must be an error")
            return
        }
        #expect(printed([diagnostic]) == """
        playbook.yaml:3:1: error: the key 'title' appears twice in this mapping [duplicate-key]
          3 | title: B
            | ^~~~~
          hint: keep one of them
          note: playbook.yaml:1:1: first written here
        1 error

        """)
    }

    @Test func tabsInIndentationGetAHint() {
        let file = SourceFile(path: "content/a/book.yaml", text: "title: A\nauthors:\n\t- Ann\n")
        guard case .failure(let diagnostic) = YAMLParser.parse(file.text, in: file) else {
            Issue.record("tabs must be an error")
            return
        }
        #expect(printed([diagnostic]) == """
        content/a/book.yaml:3:1: error: this is not valid YAML: found character that cannot start any token [yaml-syntax]
          3 |  - Ann
            | ^
          hint: YAML does not allow tabs for indentation; indent with spaces
        1 error

        """)
    }

    @Test func aValueStartingWithABacktickMustBeQuoted() {
        let file = SourceFile(path: "c.yaml", text: "title: `code`\n")
        guard case .failure(let diagnostic) = YAMLParser.parse(file.text, in: file) else {
            Issue.record("a backtick cannot start a plain scalar")
            return
        }
        #expect(diagnostic.hint == "a value that starts with this character must be quoted")
        #expect(diagnostic.location?.description == "c.yaml:1:8")
    }

    @Test func frontMatterLinesCountFromTheTopOfTheChapter() {
        let file = SourceFile(path: "c.md", text: "---\ntitle: A\norder: [1\n---\nBody\n")
        guard case .success(let split) = FrontMatter.split(file) else {
            Issue.record("the front matter is closed")
            return
        }
        #expect(split.bodyLine == 5)
        #expect(split.body == "Body\n")
        let (frontMatter, diagnostics) = FrontMatter.load(split, file: file)
        #expect(frontMatter == nil)
        #expect(printed(diagnostics).hasPrefix("c.md:4:1: error: this is not valid YAML: did not find expected ',' or ']' [yaml-syntax]"))
    }

    @Test func settingsReadTypedValuesAndDefaults() {
        let file = SourceFile(path: "playbook.yaml", text: """
        title: The Series
        authors: Ann Author
        language: en-GB
        base_url: https://example.org/books
        books: [one, two]
        """)
        let (settings, diagnostics) = SeriesSettingsLoader.load(file)
        #expect(diagnostics.isEmpty)
        #expect(settings?.title == "The Series")
        #expect(settings?.authors == ["Ann Author"])
        #expect(settings?.locale == "en-GB")
        #expect(settings?.currency == "USD")
        #expect(settings?.baseURL == "https://example.org/books/")
        #expect(settings?.smartPunctuation == true)
        #expect(settings?.books.map(\.slug) == ["one", "two"])
        #expect(settings?.books.last?.location.description == "playbook.yaml:5:14")
    }

    @Test func anEmptySettingsFileListsWhatIsMissing() {
        let file = SourceFile(path: "playbook.yaml", text: "")
        let (_, diagnostics) = SeriesSettingsLoader.load(file)
        #expect(diagnostics.map(\.message) == [
            "playbook.yaml has no 'title'", "playbook.yaml has no 'authors'",
            "playbook.yaml has no 'language'", "playbook.yaml has no 'books'",
        ])
    }
}
