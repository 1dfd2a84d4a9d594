import Foundation
@testable import PlaybookKit
import PlaybookCore
import PlaybookScenario
import PlaybookSession
import Testing

/// A client report's front matter (issue 16, items 2, 6 and 9): the scenario's `programme:`
/// and `recommendation:` as tags, the branding under `report:` or in `<name>.report.yaml`
/// (every mistake a located error), the cover made from it, the report's date, and a
/// half-written scenario that nothing uses not stopping `playbook build`. Each test writes a
/// starter project in a temporary folder and compares printed diagnostics and markup whole.
@Suite struct ClientFrontMatterTests {
    /// A starter project to edit.
    struct Project {
        let folder: TemporaryFolder
        var root: URL { folder.url.appendingPathComponent("project") }

        init() throws {
            folder = try TemporaryFolder()
            _ = try ProjectStarter.write(to: root, force: false)
        }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        func write(_ path: String, bytes: [UInt8]) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }

        func read(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }

        /// The starter's scenario with `extra` lines after its title.
        func scenario(_ extra: String, name: String = "harbour-energy") throws {
            let text = try read("content/scenarios/harbour-energy.yaml")
            try write("content/scenarios/\(name).yaml", text.replacingOccurrences(of: "title: Social customer care business case\n",
                                                                                   with: "title: Social customer care business case\n" + extra))
        }

        /// `playbook report <scenario>` into `build/reports/`: the printed diagnostics.
        func report(_ scenario: String = "harbour-energy", sourceDate: Timestamp? = Timestamp(secondsSinceEpoch: 1_700_000_000)) async -> String {
            let options = ReportOptions(projectRoot: root, scenarios: [scenario], currentDirectory: root, sourceDate: sourceDate)
            let (setup, outcomes) = await BuildPipeline.run(options)
            return DiagnosticPrinter().format(setup + outcomes.flatMap(\.diagnostics))
        }

        func remove() { folder.remove() }
    }

    /// The starter's scenario without `date:`, so that the other rules show.
    private static func undated(_ project: Project) throws {
        let text = try project.read("content/scenarios/harbour-energy.yaml")
        try project.write("content/scenarios/harbour-energy.yaml", text.replacingOccurrences(of: "date: 2026-11-02\n", with: ""))
    }

    // MARK: - Branding mistakes

    /// The printed diagnostics of `playbook report` for the starter's scenario with `report:` set to `mapping`.
    private func brandingDiagnostics(_ mapping: String, files: [String: [UInt8]] = [:], beside: String? = nil) async throws -> String {
        let project = try Project()
        defer { project.remove() }
        for (path, bytes) in files { try project.write(path, bytes: bytes) }
        if let beside { try project.write("content/scenarios/harbour-energy.report.yaml", beside) }
        try project.scenario(mapping)
        return await project.report()
    }

    static let svg = Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
    static let gif = Array("GIF89a".utf8) + [0, 0]

    @Test func anUnknownKeyInReportIsLocatedWithTheNearestKey() async throws {
        #expect(try await brandingDiagnostics("report:\n  prepard_by: Northgate Advisory\n") == """
        content/scenarios/harbour-energy.yaml:7:3: error: unknown key 'prepard_by' in 'report' [unknown-key]
          7 |   prepard_by: Northgate Advisory
            |   ^~~~~~~~~~
          hint: did you mean 'prepared_by'?
        1 error

        """)
    }

    @Test func aListWhereTextBelongsIsAWrongType() async throws {
        #expect(try await brandingDiagnostics("report:\n  version: [1, 2]\n") == """
        content/scenarios/harbour-energy.yaml:7:12: error: 'version' must be text, not a list [wrong-type]
          7 |   version: [1, 2]
            |            ^
        1 error

        """)
    }

    @Test func reportMustBeAMapping() async throws {
        #expect(try await brandingDiagnostics("report: Northgate\n") == """
        content/scenarios/harbour-energy.yaml:6:9: error: 'report' must be a mapping of keys to values [not-a-mapping]
          6 | report: Northgate
            |         ^~~~~~~~~
          hint: write one 'key: value' per line
        1 error

        """)
    }

    @Test func aColourThatIsNotHashAndSixHexDigitsIsRefused() async throws {
        #expect(try await brandingDiagnostics("report:\n  accent: \"#12345g\"\n") == """
        content/scenarios/harbour-energy.yaml:7:11: error: '#12345g' is not a colour written #rrggbb [invalid-value]
          7 |   accent: "#12345g"
            |           ^~~~~~~~~
          hint: write # and six hexadecimal digits, in quotes, such as accent: "#1f6f8b"
        1 error

        """)
    }

    @Test func anUnquotedColourIsACommentAndSaysSo() async throws {
        #expect(try await brandingDiagnostics("report:\n  accent: #1f6f8b\n") == """
        content/scenarios/harbour-energy.yaml:7:3: error: 'accent' is empty [empty-value]
          7 |   accent: #1f6f8b
            |   ^~~~~~
          hint: write the colour in quotes, such as accent: "#1f6f8b" (after a space, # starts a comment)
        1 error

        """)
    }

    @Test func anUnknownPaperSizeIsRefusedWithTheNearestOne() async throws {
        #expect(try await brandingDiagnostics("report:\n  paper: leter\n") == """
        content/scenarios/harbour-energy.yaml:7:10: error: 'leter' is not a paper size [invalid-value]
          7 |   paper: leter
            |          ^~~~~
          hint: did you mean 'letter'?
        1 error

        """)
    }

    @Test func aMissingLogoFileIsLocated() async throws {
        #expect(try await brandingDiagnostics("report:\n  logo: logos/harbour.svg\n") == """
        content/scenarios/harbour-energy.yaml:7:9: error: the logo 'logos/harbour.svg' cannot be read: there is no such file [missing-file]
          7 |   logo: logos/harbour.svg
            |         ^~~~~~~~~~~~~~~~~
          hint: the path is relative to harbour-energy.yaml
        1 error

        """)
    }

    @Test func aLogoOfAnotherFormatIsRefused() async throws {
        #expect(try await brandingDiagnostics("report:\n  logo: harbour.gif\n", files: ["content/scenarios/harbour.gif": Self.gif]) == """
        content/scenarios/harbour-energy.yaml:7:9: error: the logo 'harbour.gif' is not an SVG, PNG or JPEG file [image-format]
          7 |   logo: harbour.gif
            |         ^~~~~~~~~~~
          hint: a logo must be a .svg, .png, .jpg or .jpeg file that browsers, PDF and EPUB readers all show
        1 error

        """)
    }

    @Test func aLogoWhoseContentsAreNotWhatItsNameSaysIsRefused() async throws {
        #expect(try await brandingDiagnostics("report:\n  logo: harbour.png\n", files: ["content/scenarios/harbour.png": Self.gif]) == """
        content/scenarios/harbour-energy.yaml:7:9: error: the logo 'harbour.png' is not a PNG image: its contents are not an image a report can show [image-format]
          7 |   logo: harbour.png
            |         ^~~~~~~~~~~
          hint: export the logo as SVG, PNG or JPEG and name the file for its format
        1 error

        """)
        #expect(try await brandingDiagnostics("report:\n  logo: harbour.svg\n", files: ["content/scenarios/harbour.svg": Self.png]) == """
        content/scenarios/harbour-energy.yaml:7:9: error: the logo 'harbour.svg' is not an SVG image: it holds a PNG image [image-format]
          7 |   logo: harbour.svg
            |         ^~~~~~~~~~~
          hint: export the logo as SVG, PNG or JPEG and name the file for its format
        1 error

        """)
    }

    @Test func aLogoOutsideTheProjectIsRefused() async throws {
        #expect(try await brandingDiagnostics("report:\n  logo: ../../../logo.svg\n") == """
        content/scenarios/harbour-energy.yaml:7:9: error: the logo '../../../logo.svg' cannot be read: ../logo.svg leads outside the project [outside-project]
          7 |   logo: ../../../logo.svg
            |         ^~~~~~~~~~~~~~~~~
          hint: Playbook reads only files inside the project, following symbolic links: copy what you need into it
        1 error

        """)
    }

    @Test func aKeySetInTheScenarioAndInTheFileBesideItIsAnError() async throws {
        let printed = try await brandingDiagnostics("report:\n  version: \"1.0\"\n", beside: "prepared_for: Board\nversion: \"1.1\"\n")
        #expect(printed == """
        content/scenarios/harbour-energy.report.yaml:2:1: error: 'version' is set both here and in the scenario's 'report:' [duplicate-key]
          2 | version: "1.1"
            | ^~~~~~~
          hint: keep it in one place
          note: content/scenarios/harbour-energy.yaml:7:3: also set here
        1 error

        """)
    }

    @Test func theFileBesideTheScenarioHasTheSameChecks() async throws {
        #expect(try await brandingDiagnostics("", beside: "acent: \"#123456\"\n") == """
        content/scenarios/harbour-energy.report.yaml:1:1: error: unknown key 'acent' in harbour-energy.report.yaml [unknown-key]
          1 | acent: "#123456"
            | ^~~~~
          hint: did you mean 'accent'?
        1 error

        """)
    }

    /// The file beside a scenario is not a scenario: `playbook check` of a project with one
    /// finds nothing wrong.
    @Test func theFileBesideTheScenarioIsNotItselfAScenario() async throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("content/scenarios/harbour-energy.report.yaml", "version: \"2\"\n")
        let report = await BuildPipeline.run(BuildOptions(projectRoot: project.root, writes: false))
        #expect(DiagnosticPrinter().format(report.diagnostics) == "")
        #expect(await project.report("harbour-energy.report") == """
        error: there is no scenario 'harbour-energy.report' in content/scenarios/ [no-scenario]
          hint: the scenarios are: harbour-energy
        1 error

        """)
    }

    // MARK: - The cover

    /// Every branding key, half in the scenario and half beside it: the page's whole cover,
    /// its footer, and the EPUB's title page with the logo copied in.
    @Test func aClientWithEveryBrandingKeyGetsItsCover() async throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("content/scenarios/logos/harbour.svg", bytes: Self.svg)
        try project.scenario("""
        report:
          prepared_for: Priya Raman, Chief Financial Officer
          prepared_by: Northgate Advisory
          version: "1.2"

        """)
        try project.write("content/scenarios/harbour-energy.report.yaml", """
        confidentiality: Confidential · Harbour Energy board only
        logo: logos/harbour.svg
        accent: "#F2B134"
        paper: letter

        """)
        #expect(await project.report() == "")
        let page = try project.read("build/reports/harbour-energy/index.html")
        let dataURI = "data:image/svg+xml;base64," + Data(Self.svg).base64EncodedString()
        let cover = try #require(page.range(of: "<header class=\"report-cover\">").flatMap { start in
            page.range(of: "<nav", range: start.lowerBound..<page.endIndex).map { String(page[start.lowerBound..<$0.lowerBound]) }
        })
        #expect(cover == """
        <header class="report-cover">
        <p class="report-logo"><img src="\(dataURI)" alt="Harbour Energy logo"></p>
        <p class="report-client">Harbour Energy</p>
        <h1 id="pb-title">Social customer care business case</h1>
        <p class="report-subtitle">Costs, benefits and risks, year by year</p>
        <p class="report-description">An investment case for Harbour Energy: the costs and benefits of the programme year by year, discounted, with every figure traced to its inputs and their sources.</p>
        <dl class="report-meta">
        <div><dt>Prepared for</dt><dd>Priya Raman, Chief Financial Officer</dd></div>
        <div><dt>Prepared by</dt><dd>Northgate Advisory</dd></div>
        <div><dt>Version</dt><dd>1.2</dd></div>
        <div><dt>Date</dt><dd><time datetime="2026-11-02">2 November 2026</time></dd></div>
        </dl>
        <p class="report-confidentiality">Confidential · Harbour Energy board only</p>

        """)
        // #f2b134 on white has a contrast of 1.9:1: text takes a darker shade of it.
        #expect(page.contains(":root { --report-accent: #f2b134; --report-accent-text: #966e20; }\n"))
        let footer = try #require(page.range(of: "<footer class=\"report-footer\">").map { String(page[$0.lowerBound...]) })
        #expect(footer == """
        <footer class="report-footer">
        <p>Social customer care business case · Harbour Energy · Version 1.2 · <time datetime="2026-11-02">2 November 2026</time></p>
        <p>Prepared for Priya Raman, Chief Financial Officer by Northgate Advisory.</p>
        <p class="report-confidentiality">Confidential · Harbour Energy board only</p>
        </footer>
        </body>
        </html>

        """)
        for word in ["Playbook", "scenario", "metrics.json", ".yaml"] { #expect(!(cover + footer).contains(word)) }
    }

    /// The accent's text shade: the colour itself when it reads well on white, otherwise
    /// darkened until it has 4.5:1.
    @Test func theAccentTextShadeHasEnoughContrast() throws {
        let dark = try #require(AccentColour("#0B6E8A"))
        #expect(dark.hex == "#0b6e8a" && dark.textHex == "#0b6e8a")
        let light = try #require(AccentColour("#f2b134"))
        #expect(light.textHex == "#966e20")
        #expect(AccentColour.contrastOnWhite(light.textHex) >= 4.5 && AccentColour.contrastOnWhite("#f2b134") < 4.5)
        #expect(AccentColour("#ffffff")?.textHex == "#757575")
        #expect(AccentColour("f2b134") == nil && AccentColour("#f2b13") == nil && AccentColour("#f2b1344") == nil)
    }

    // MARK: - The report's date

    /// The scenario's `date:`, else `SOURCE_DATE_EPOCH`, else today.
    @Test func theReportIsDatedByItsScenarioElseTheSourceDateElseToday() async throws {
        let project = try Project()
        defer { project.remove() }
        func date() throws -> String {
            let page = try project.read("build/reports/harbour-energy/index.html")
            let start = try #require(page.range(of: "<div><dt>Date</dt><dd>"))
            let end = try #require(page.range(of: "</dd></div>", range: start.upperBound..<page.endIndex))
            return String(page[start.upperBound..<end.lowerBound])
        }
        #expect(await project.report(sourceDate: Timestamp(secondsSinceEpoch: 1_700_000_000)) == "")
        #expect(try date() == "<time datetime=\"2026-11-02\">2 November 2026</time>")
        try Self.undated(project)
        #expect(await project.report(sourceDate: Timestamp(secondsSinceEpoch: 1_700_000_000)) == "")
        #expect(try date() == "<time datetime=\"2023-11-14\">14 November 2023</time>")
        #expect(await project.report(sourceDate: nil) == "")
        let today = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).dateString
        #expect(try date().hasPrefix("<time datetime=\"\(today)\">"))
    }

    /// A template's own `date:` no longer dates its reports: a warning says so.
    @Test func aDateInReportYAMLIsIgnoredWithAWarning() async throws {
        let project = try Project()
        defer { project.remove() }
        let settings = try project.read("content/reports/business-case/report.yaml")
        try project.write("content/reports/business-case/report.yaml", settings + "date: 2020-01-01\n")
        #expect(await project.report() == """
        content/reports/business-case/report.yaml:4:1: warning: 'date' in report.yaml is not used: each report is dated by its client's scenario [unknown-key]
          4 | date: 2020-01-01
            | ^~~~
          hint: remove it; a report's date is its scenario's 'date:', else SOURCE_DATE_EPOCH, else the day it is made
        1 warning

        """)
    }

    /// Without `title:`, the cover does not name the client twice: the report takes its template's name.
    @Test func aScenarioWithoutTitleIsCalledAfterTheTemplate() async throws {
        let project = try Project()
        defer { project.remove() }
        let text = try project.read("content/scenarios/harbour-energy.yaml")
        try project.write("content/scenarios/harbour-energy.yaml", text.replacingOccurrences(of: "title: Social customer care business case\n", with: ""))
        #expect(await project.report() == "")
        let page = try project.read("build/reports/harbour-energy/index.html")
        #expect(page.contains("<p class=\"report-client\">Harbour Energy</p>\n<h1 id=\"pb-title\">Business case</h1>\n"))
    }

    // MARK: - Programme and recommendation

    @Test func programmeAndRecommendationAreTags() async throws {
        let project = try Project()
        defer { project.remove() }
        // The shipped template's executive summary shows both.
        #expect(await project.report() == "")
        let page = try project.read("build/reports/harbour-energy/index.html")
        #expect(page.contains("<p>Harbour Energy will answer customers on social media: a social care lead works from a social care platform set up for the purpose, and customers who would have called are invited to ask there instead."))
        #expect(page.contains("<p>Go ahead, and check after the first year how many calls have moved to social care:"))
        let text = try project.read("content/scenarios/harbour-energy.yaml")
        let start = try #require(text.range(of: "recommendation: >-\n"))
        let end = try #require(text.range(of: "\nhorizon:", range: start.upperBound..<text.endIndex))
        try project.write("content/scenarios/harbour-energy.yaml", text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ""))
        let printed = await project.report()
        #expect(printed == """
        content/reports/business-case/01-executive-summary.md:49:1: error: the scenario 'harbour-energy' has no recommendation [unknown-value]
          49 | {{ recommendation }}
             | ^~~~~~~~~~~~~~~~~~~~
          hint: add 'recommendation:' to content/scenarios/harbour-energy.yaml, one paragraph of plain text
        1 error

        """, "\(printed)")
    }

    // MARK: - A half-written scenario

    static let halfWritten = """
    client: Draft Co
    horizon: 3 years
    discount_rate: 10%
    costs:
      yearly:
        team: $1_000
    benefits:
      yearly:
        savings: calls * 2

    """

    static let halfWrittenError = """
    content/scenarios/draft.yaml:9:14: error: there is no input or metric called 'calls' [unknown-name]
      9 |     savings: calls * 2
        |              ^~~~~
    """

    @Test func aHalfWrittenScenarioNothingUsesWarnsInBuildAndFailsCheckAndItsReport() async throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("content/scenarios/draft.yaml", Self.halfWritten)
        let build = await BuildPipeline.run(BuildOptions(projectRoot: project.root))
        #expect(DiagnosticPrinter().format(build.diagnostics) == """
        content/scenarios/draft.yaml:1:1: warning: the scenario 'draft' has 1 error (shown as warnings) and nothing uses it: the build goes on without it [unused-scenario]
          hint: no chapter names it and playbook.yaml lists no report of it; 'playbook check' and 'playbook report draft' still fail on it
        \(Self.halfWrittenError.replacingOccurrences(of: ": error: ", with: ": warning: "))
        2 warnings

        """)
        #expect(build.wrote && build.reports == ["harbour-energy"])
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("build/site/index.html").path))
        let check = await BuildPipeline.run(BuildOptions(projectRoot: project.root, writes: false))
        #expect(DiagnosticPrinter().format(check.diagnostics) == Self.halfWrittenError + "\n1 error\n")
        #expect(await project.report("draft") == Self.halfWrittenError + "\n1 error\n")
    }

    /// The preview (a build with a session) behaves like `playbook build`.
    @Test func thePreviewGoesOnWithoutAHalfWrittenScenarioNothingUses() async throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("content/scenarios/draft.yaml", Self.halfWritten)
        let preview = await BuildPipeline.run(BuildOptions(projectRoot: project.root, output: project.folder.url.appendingPathComponent("preview"),
                                                           session: BuildSession()))
        #expect(preview.wrote && !preview.diagnostics.hasErrors)
        #expect(Set(preview.diagnostics.map(\.id)) == [.unusedScenario, .unknownName] && preview.diagnostics.count == 2)
    }

    @Test func aHalfWrittenScenarioAChapterUsesStillFailsTheBuild() async throws {
        for use in ["scenario: draft\n---\n\nText.\n", "---\n\nDraft Co's NPV is {{ draft.npv }}.\n"] {
            let project = try Project()
            defer { project.remove() }
            try project.write("content/scenarios/draft.yaml", Self.halfWritten)
            try project.write("content/handbook/02-draft.md", "---\ntitle: Draft\norder: 2\n" + use)
            let build = await BuildPipeline.run(BuildOptions(projectRoot: project.root))
            #expect(DiagnosticPrinter().format(build.diagnostics) == Self.halfWrittenError + "\n1 error\n")
            #expect(!build.wrote)
        }
    }

    @Test func aHalfWrittenScenarioThatIsAListedReportStillFailsTheBuild() async throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("content/scenarios/draft.yaml", Self.halfWritten)
        let settings = try project.read("playbook.yaml")
        try project.write("playbook.yaml", settings.replacingOccurrences(of: "reports: [harbour-energy]", with: "reports: [harbour-energy, draft]"))
        let build = await BuildPipeline.run(BuildOptions(projectRoot: project.root))
        #expect(DiagnosticPrinter().format(build.diagnostics) == Self.halfWrittenError + "\n1 error\n")
        #expect(!build.wrote)
    }

    // MARK: - Shards

    @Test func everyClientIsInExactlyOneShareWhateverTheOrder() throws {
        let clients = (1...23).map { "content/scenarios/client-\($0).yaml" } + ["elsewhere/client-7.yaml"]
        for count in 1...5 {
            var seen: [String: Int] = [:]
            var sizes: [Int] = []
            for index in 1...count {
                let shard = try ReportShard.parse("\(index)/\(count)").get()
                let share = shard.select(clients)
                #expect(shard.select(clients.reversed()) == share.reversed(), "the share does not depend on the order given")
                sizes.append(Set(share.map(ReportOptions.clientName(of:))).count)
                for client in share { seen[client, default: 0] += 1 }
            }
            #expect(seen.count == clients.count && seen.values.allSatisfy { $0 == 1 })
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        }
        // Both files called client-7 write build/reports/client-7/: they go to the same share.
        let two = try ReportShard.parse("2/3").get().select(clients)
        #expect(two.contains("elsewhere/client-7.yaml") == two.contains("content/scenarios/client-7.yaml"))
        #expect(try ReportShard.parse("1/3").get().select(["c.yaml", "a.yaml", "b.yaml", "d.yaml"]) == ["a.yaml", "d.yaml"])
    }

    @Test func aShardThatIsNotIOfNIsRefused() {
        func message(_ text: String) -> String? {
            if case .failure(let problem) = ReportShard.parse(text) { return problem.message }
            return nil
        }
        #expect(message("0/3") == "--shard 0/3: there is no share 0; the 3 shares are numbered 1 to 3")
        #expect(message("4/3") == "--shard 4/3: there is no share 4; the 3 shares are numbered 1 to 3")
        #expect(message("x/y") == "--shard x/y: write i/n, such as 2/3 for the second of three shares of the batch")
        #expect(message("1/0") == "--shard 1/0: the batch cannot be split into 0 shares; n must be at least 1")
        #expect(message("-1/3") == "--shard -1/3: write i/n, such as 2/3 for the second of three shares of the batch")
        #expect(message("2/3") == nil)
    }
}
