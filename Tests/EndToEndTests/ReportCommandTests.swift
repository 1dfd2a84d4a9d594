import Foundation
import Testing

/// `playbook report` as analysts run it: the figures files are `playbook calc`'s, a batch
/// with a broken scenario makes the others, `--compare` lists what changed, and the page
/// prints as a report.
@Suite struct ReportCommandTests {
    /// A folder holding copies of the shipped scenarios (and their CSV), to edit freely.
    private func scenarioCopies() throws -> URL {
        let folder = try Tools.temporaryFolder()
        let scenarios = Tools.repository.appendingPathComponent("content/scenarios")
        for name in try FileManager.default.contentsOfDirectory(atPath: scenarios.path) {
            try FileManager.default.copyItem(at: scenarios.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    private func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) no longer has \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// A payback with no months (nothing to pay back, or not within the horizon) is told apart in
    /// metrics.json, so `--compare` says which it was rather than a dash.
    @Test func compareTellsAnImmediatePaybackFromOneNotWithinTheHorizon() throws {
        let scenarios = try scenarioCopies(), out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scenarios); try? FileManager.default.removeItem(at: out) }
        let file = scenarios.appendingPathComponent("ramp.yaml")
        try """
        client: Ramp Co
        programme: Ramp Co will build a customer community.
        recommendation: Go ahead.
        horizon: 2 years
        discount_rate: 10%
        costs:
          yearly:
            team: $100_000
        benefits:
          yearly:
            gains: [$50_000, $250_000]

        """.write(to: file, atomically: true, encoding: .utf8)
        #expect(try Tools.playbook(["report", file.path, "--out", out.path], in: Tools.repository).status == 0)
        let metrics = try String(contentsOf: out.appendingPathComponent("ramp/metrics.json"), encoding: .utf8)
        #expect(metrics.contains("""
            "payback": "months",
            "payback_months": 16,
            "discounted_payback": "months",
            "discounted_payback_months": 16.4,
        """), "\(metrics)")
        try edit(file, "    team: $100_000", "    team: $0")
        let immediate = try Tools.playbook(["report", file.path, "--out", out.path, "--compare", out.path], in: Tools.repository)
        #expect(immediate.status == 0, "\(immediate.stderr)")
        #expect(immediate.stdout.contains("\n    Payback                 16.0 months → immediate (nothing to pay back)\n"), "\(immediate.stdout)")
        try edit(file, "gains: [$50_000, $250_000]", "gains: [$0, $0]")
        try edit(file, "    team: $0", "    team: $100_000")
        let never = try Tools.playbook(["report", file.path, "--out", out.path, "--compare", out.path], in: Tools.repository)
        #expect(never.status == 0, "\(never.stderr)")
        #expect(never.stdout.contains("\n    Payback                    immediate (nothing to pay back) → not within the horizon\n"), "\(never.stdout)")
    }

    @Test func theFiguresFilesAreWhatCalcPrints() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Tools.playbook(["report", "kestrel-mobile", "--out", out.path], in: Tools.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let folder = out.appendingPathComponent("kestrel-mobile")
        #expect(Tools.files(under: folder) == [".playbook-output", "index.html", "kestrel-mobile.epub", "metrics.csv", "metrics.json", "metrics.xlsx"])
        for format in ["json", "csv"] {
            let calc = try Tools.playbook(["calc", "kestrel-mobile", "--format", format, "--simulate", "10000"], in: Tools.repository)
            #expect(calc.status == 0)
            let written = try String(contentsOf: folder.appendingPathComponent("metrics.\(format)"), encoding: .utf8)
            #expect(written == calc.stdout, "metrics.\(format) differs from playbook calc --format \(format) --simulate 10000")
        }
        // The figures the page shows are the file's: NPV, ROI and the simulation's chance of a positive ROI.
        let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("<li><strong>Net present value:</strong> $482,200 at a discount rate of 10%: the benefits exceed the costs in present value."))
        #expect(page.contains("<li><strong>Return on investment:</strong> 40.5%: in present value the benefits come to 140.5% of the costs."))
        let json = try String(contentsOf: folder.appendingPathComponent("metrics.json"), encoding: .utf8)
        #expect(json.contains("\"npv\": 482200"))
        #expect(json.contains("\"probability_roi_positive\": 0.9969"))
        #expect(page.contains("the return on investment is positive in 99.7% of them."))
    }

    /// The analyst's round trip: `playbook build` makes the sample reports, and `playbook report`
    /// may then replace one of them.
    @Test func aReportReplacesTheOneBuildMade() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let built = try Tools.playbook(["build", "--out", out.path], in: Tools.repository)
        #expect(built.status == 0, "\(built.stderr)")
        let result = try Tools.playbook(["report", "kestrel-mobile", "--out", out.appendingPathComponent("reports").path], in: Tools.repository)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(Tools.files(under: out.appendingPathComponent("reports/kestrel-mobile"))
                == [".playbook-output", "index.html", "kestrel-mobile.epub", "metrics.csv", "metrics.json", "metrics.xlsx"])
    }

    /// A report is one target of the one pipeline: the client folder `playbook build` makes for
    /// a scenario `playbook.yaml` lists and the one `playbook report` makes for it hold the
    /// same files, byte for byte.
    @Test func aBuildAndTheReportCommandMakeTheSameReport() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let epoch = ["SOURCE_DATE_EPOCH": "0"]
        let built = try Tools.playbook(["build", "--out", out.appendingPathComponent("built").path], environment: epoch, in: Tools.repository)
        #expect(built.status == 0, "\(built.stderr)")
        let reported = try Tools.playbook(["report", "kestrel-mobile", "brightwell-outdoor", "--out", out.appendingPathComponent("reported").path],
                                          environment: epoch, in: Tools.repository)
        #expect(reported.status == 0, "\(reported.stderr)")
        for client in ["kestrel-mobile", "brightwell-outdoor"] {
            let fromBuild = out.appendingPathComponent("built/reports/\(client)"), fromReport = out.appendingPathComponent("reported/\(client)")
            let files = Tools.files(under: fromBuild)
            #expect(files == [".playbook-output", "index.html", "\(client).epub", "metrics.csv", "metrics.json", "metrics.xlsx"].sorted())
            #expect(Tools.files(under: fromReport) == files)
            for file in files {
                let a = try Data(contentsOf: fromBuild.appendingPathComponent(file)), b = try Data(contentsOf: fromReport.appendingPathComponent(file))
                #expect(a == b, "\(client)/\(file) differs")
            }
        }
    }

    /// `--shard 2/3` of the shipped scenarios given in any order (a glob): the second share of
    /// the clients sorted by name and dealt out in turn, the branding file left out.
    @Test func aShardMakesItsShareOfTheBatch() throws {
        let scenarios = try scenarioCopies(), out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scenarios); try? FileManager.default.removeItem(at: out) }
        let yaml = try FileManager.default.contentsOfDirectory(atPath: scenarios.path).filter { $0.hasSuffix(".yaml") }.sorted(by: >)
        let result = try Tools.playbook(["report"] + yaml.map { scenarios.appendingPathComponent($0).path } + ["--shard", "2/3", "--out", out.path],
                                        environment: ["SOURCE_DATE_EPOCH": "0"], in: Tools.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.replacingOccurrences(of: scenarios.path, with: "$SCENARIOS")
                == "note: $SCENARIOS/kestrel-mobile.report.yaml left out: it is a report's branding, read with its scenario\n")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines[0] == "Share 2 of 3: 2 of the 5 clients given" && lines[1].hasPrefix("Made 2 of 2 reports in "), "\(result.stdout)")
        #expect(Array(lines.dropFirst(2)) == [
            "  larkspur-home: \(out.path)/larkspur-home/index.html, larkspur-home.epub, metrics.json, metrics.csv, metrics.xlsx",
            "  brightwell-outdoor: \(out.path)/brightwell-outdoor/index.html, brightwell-outdoor.epub, metrics.json, metrics.csv, metrics.xlsx",
        ])
        #expect(Tools.files(under: out).filter { $0.hasSuffix("index.html") } == ["brightwell-outdoor/index.html", "larkspur-home/index.html"])
        let wrong = try Tools.playbook(["report", "kestrel-mobile", "--shard", "4/3", "--out", out.path], in: Tools.repository)
        #expect(wrong.status != 0)
        #expect(wrong.stderr.hasPrefix("Error: --shard 4/3: there is no share 4; the 3 shares are numbered 1 to 3\n"), "\(wrong.stderr)")
    }

    @Test func aBatchWithOneBrokenScenarioMakesTheOthersAndFails() throws {
        let scenarios = try scenarioCopies(), out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scenarios); try? FileManager.default.removeItem(at: out) }
        let broken = scenarios.appendingPathComponent("broken-client.yaml")
        try FileManager.default.copyItem(at: scenarios.appendingPathComponent("kestrel-mobile.yaml"), to: broken)
        try edit(broken, "cost_per_call: { formula: handle_time * cost_per_handled_minute,", "cost_per_call: { formula: handle_time * cost_per_handled_minut,")
        try edit(broken, "lifetime_value_simple: { formula: margin_per_customer / (1 - retention),", "lifetime_value_simple: { formula: margin_per_customer + retention,")
        let paths = ["kestrel-mobile.yaml", "broken-client.yaml", "brightwell-outdoor.yaml"].map { scenarios.appendingPathComponent($0).path }
        let result = try Tools.playbook(["report"] + paths + ["--out", out.path], in: Tools.repository)
        #expect(result.status == 1)
        let stderr = result.stderr.replacingOccurrences(of: scenarios.path, with: "$SCENARIOS")
        #expect(stderr == """
        $SCENARIOS/broken-client.yaml:68:43: error: there is no input or metric called 'cost_per_handled_minut' [unknown-name]
          68 |   cost_per_call: { formula: handle_time * cost_per_handled_minut, label: "Cost of a call" }
             |                                           ^~~~~~~~~~~~~~~~~~~~~~
          hint: did you mean 'cost_per_handled_minute'?
        $SCENARIOS/broken-client.yaml:87:57: error: cannot add a percentage to money per customer [unit-mismatch]
          87 | …simple: { formula: margin_per_customer + retention, label: "Customer lifetime value, undiscounted" }
             |                                         ^
          hint: to change an amount by a percentage, multiply: amount * (1 + rate)
        2 errors

        """)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Made 2 of 3 reports in ") == true)
        #expect(Array(lines.dropFirst()) == [
            "  kestrel-mobile: \(out.path)/kestrel-mobile/index.html, kestrel-mobile.epub, metrics.json, metrics.csv, metrics.xlsx",
            "  broken-client: failed (2 errors above)",
            "  brightwell-outdoor: \(out.path)/brightwell-outdoor/index.html, brightwell-outdoor.epub, metrics.json, metrics.csv, metrics.xlsx",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }.sorted()
                == ["brightwell-outdoor", "kestrel-mobile"])
    }

    /// A client whose data file is missing: the loader's diagnostic at the `data:` line (the
    /// file is looked for when the client is read, reported when its report's job loads it),
    /// then the ones that follow from it; the other client is still made.
    @Test func aClientWhoseDataFileIsMissingIsReportedAndTheOthersMade() throws {
        let scenarios = try scenarioCopies(), out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scenarios); try? FileManager.default.removeItem(at: out) }
        try FileManager.default.removeItem(at: scenarios.appendingPathComponent("attribution-example-touchpoints.csv"))
        let paths = ["attribution-example.yaml", "kestrel-mobile.yaml"].map { scenarios.appendingPathComponent($0).path }
        let result = try Tools.playbook(["report"] + paths + ["--out", out.path], in: Tools.repository)
        #expect(result.status == 1)
        let stderr = result.stderr.replacingOccurrences(of: scenarios.path, with: "$SCENARIOS")
        #expect(stderr == """
        $SCENARIOS/attribution-example.yaml:18:9: error: the attribution data 'attribution-example-touchpoints.csv' cannot be read: there is no such file [missing-file]
          18 |   data: attribution-example-touchpoints.csv
             |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: the path is relative to the scenario file
        $SCENARIOS/attribution-example.yaml:30:43: error: there is no input or metric called 'attributed_share' [unknown-name]
          30 | …credit: { formula: order_value * attributed_share, unit: $/order, label: Value of the order credited…
             |                                   ^~~~~~~~~~~~~~~~
        2 errors

        """)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Made 1 of 2 reports in ") == true)
        #expect(Array(lines.dropFirst()) == [
            "  attribution-example: failed (2 errors above)",
            "  kestrel-mobile: \(out.path)/kestrel-mobile/index.html, kestrel-mobile.epub, metrics.json, metrics.csv, metrics.xlsx",
        ])
    }

    @Test func compareListsTheInputsAndFiguresThatChanged() throws {
        let scenarios = try scenarioCopies(), out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scenarios); try? FileManager.default.removeItem(at: out) }
        let file = scenarios.appendingPathComponent("kestrel-mobile.yaml")
        let first = try Tools.playbook(["report", file.path, "--out", out.path], in: Tools.repository)
        #expect(first.status == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("kestrel-mobile/kestrel-mobile.epub"))
        // Unchanged: nothing to list, and the same files.
        let again = try Tools.playbook(["report", file.path, "--out", out.path, "--compare", out.path], in: Tools.repository)
        #expect(again.stdout.hasSuffix("\nkestrel-mobile: no figure changed since \(out.path)/kestrel-mobile\n"))
        #expect(try Data(contentsOf: out.appendingPathComponent("kestrel-mobile/kestrel-mobile.epub")) == before)
        // The client corrects a handle time and the low end of a range.
        try edit(file, "handle_time: { value: 6.5 min/call", "handle_time: { value: 7 min/call")
        try edit(file, "shift_to_social: { low: 5%", "shift_to_social: { low: 6%")
        let result = try Tools.playbook(["report", file.path, "--out", out.path, "--compare", out.path], in: Tools.repository)
        #expect(result.status == 0, "\(result.stderr)")
        let changes = result.stdout.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        #expect(changes == """
        kestrel-mobile: 2 inputs and 31 figures changed since \(out.path)/kestrel-mobile
          Inputs
            handle_time                          6.5 min/call → 7 min/call
            shift_to_social (low)                5.0% → 6.0%
          Metrics
            cost_per_call                        $6.50/call → $7.00/call
            phone_cost_per_year                  $6,552,000 → $7,056,000
            blended_cost_per_contact             $5.75/contact → $6.10/contact
            cost_per_resolution                  $9.03/call → $9.72/call
            saving_per_shifted_contact           $4.40/contact → $4.90/contact
            contact_shift_savings                $354,816 → $395,136
            direct_deflection_savings            $103,500 → $109,800
            indirect_deflection_savings          $155,250 → $164,700
            contact_cost_per_year                $8,280,000 → $8,784,000
            cost_per_resolved_issue              $9.03/issue → $9.72/issue
            community_savings                    $258,750 → $274,500
            service_savings_at_maturity          $703,152 → $759,222
            year_one_shift_pv                    $322,560 → $359,215
            contact_shift_pv_before_risk         $882,375 → $982,645
          Results
            Contact shift (present value)        $794,136 → $884,379  (+$90,243)
            Direct deflection (present value)    $147,062 → $156,013  (+$8,951)
            Indirect deflection (present value)  $220,593 → $234,020  (+$13,427)
            Present value of benefits            $1,673,894 → $1,786,515  (+$112,621)
            NPV                                  $482,200 → $594,821  (+$112,621)
            ROI                                  40.5% → 49.9%  (+9.5 points)
            IRR                                  72.7% → 86.4%  (+13.7 points)
            Payback                              15.6 months → 14.0 months
            Discounted payback                   17.2 months → 15.3 months
            NPV, low case                        −$308,905 → −$104,756  (+$204,149)
            ROI, low case                        −25.9% → −8.8%  (+17.1 points)
            NPV, high case                       $1,531,128 → $1,698,717  (+$167,589)
            ROI, high case                       128.5% → 142.5%  (+14.1 points)
            NPV P10 (simulation)                 $206,613 → $397,708  (+$191,095)
            NPV P50 (simulation)                 $492,425 → $653,078  (+$160,653)
            NPV P90 (simulation)                 $813,695 → $972,003  (+$158,308)
            Probability that ROI > 0             99.7% → 100.0%  (+0.3 points)

        """)
        // A client never reported before, beside one that was, has nothing to compare with.
        let fresh = try Tools.playbook(["report", file.path, "brightwell-outdoor", "--out", out.path, "--compare", out.path], in: Tools.repository)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stdout.hasSuffix("\nbrightwell-outdoor: nothing to compare: there is no earlier report: \(out.path)/brightwell-outdoor/metrics.json does not exist\n"))
    }

    /// `--compare build/reports/<client>`: the client's own folder is accepted as the baseline.
    @Test func compareAcceptsTheClientsFolder() throws {
        let scenarios = try scenarioCopies(), out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scenarios); try? FileManager.default.removeItem(at: out) }
        let file = scenarios.appendingPathComponent("kestrel-mobile.yaml")
        #expect(try Tools.playbook(["report", file.path, "--out", out.path], in: Tools.repository).status == 0)
        try edit(file, "handle_time: { value: 6.5 min/call", "handle_time: { value: 7 min/call")
        let client = out.appendingPathComponent("kestrel-mobile")
        let result = try Tools.playbook(["report", file.path, "--out", out.path, "--compare", client.path], in: Tools.repository)
        #expect(result.status == 0, "\(result.stderr)")
        let changes = result.stdout.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        #expect(changes.hasPrefix("""
        kestrel-mobile: 1 input and 31 figures changed since \(client.path)
          Inputs
            handle_time                          6.5 min/call → 7 min/call
          Metrics
            cost_per_call                        $6.50/call → $7.00/call

        """))
        // With several clients, one client's folder is not a baseline for all of them.
        let several = try Tools.playbook(["report", file.path, "brightwell-outdoor", "--out", out.path, "--compare", client.path],
                                         in: Tools.repository)
        #expect(several.status == 1)
        #expect(several.stderr == """
        error: --compare \(client.path) is one client's report, and 2 scenarios were given [no-earlier-run]
          hint: to compare several clients, give the folder that holds their reports, such as build/reports/
        1 error
        no report was made

        """)
    }

    /// A scenario file given with a folder that is no project gets the same `no-project`
    /// diagnostic, hint included, as `playbook build` and `playbook check` do.
    @Test func aReportWithoutAProjectSaysSoLikeEveryCommand() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = Tools.repository.appendingPathComponent("content/scenarios/kestrel-mobile.yaml").path
        let result = try Tools.playbook(["report", scenario, "--project", work.path, "--out", work.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
        error: there is no playbook.yaml in \(work.path) [no-project]
          hint: run Playbook in a project folder, pass --project, or create one with 'playbook new <folder>'
        1 error
        no report was made

        """)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out").path))
    }

    /// A `--compare` folder that holds no earlier run is refused, and the report it would have
    /// been compared with is not replaced.
    @Test func compareWithNoEarlierRunIsRefusedAndReplacesNothing() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try Tools.playbook(["report", "kestrel-mobile", "--out", out.path], in: Tools.repository).status == 0)
        let baseline = out.appendingPathComponent("kestrel-mobile/metrics.json")
        try Data("{\"baseline\": true}".utf8).write(to: baseline)
        for (compare, message) in [
            (out.path + "-none", "--compare \(out.path)-none: there is no such folder"),
            (FileManager.default.temporaryDirectory.path, "--compare \(FileManager.default.temporaryDirectory.path) holds no earlier report of kestrel-mobile"),
        ] {
            let result = try Tools.playbook(["report", "kestrel-mobile", "--out", out.path, "--compare", compare], in: Tools.repository)
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == """
            error: \(message) [no-earlier-run]
              hint: give the folder of an earlier run, such as build/reports/, or one client's folder in it
            1 error
            no report was made

            """)
            #expect(try String(contentsOf: baseline, encoding: .utf8) == "{\"baseline\": true}")
        }
    }

    /// A client folder whose `metrics.json` is not a figures file is refused with the same hint
    /// as a folder with no earlier run, and nothing is made.
    @Test func compareWithAFiguresFileThatIsNotOneIsRefused() throws {
        let earlier = try Tools.temporaryFolder()
        let out = try Tools.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: earlier)
            try? FileManager.default.removeItem(at: out)
        }
        try Data("not json".utf8).write(to: earlier.appendingPathComponent("metrics.json"))
        let result = try Tools.playbook(["report", "kestrel-mobile", "--out", out.appendingPathComponent("reports").path,
                                         "--compare", earlier.path], in: Tools.repository)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
        error: --compare: \(earlier.path)/metrics.json is not a report's figures file [no-earlier-run]
          hint: give the folder of an earlier run, such as build/reports/, or one client's folder in it
        1 error
        no report was made

        """)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("reports").path))
    }

    /// The report's PDF (the page printed by headless Chromium): every page after the cover
    /// carries the client's name and "Page n of m", and each chapter starts a page.
    @Test func thePagePrintsWithTheClientOnEveryPage() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let made = try Tools.playbook(["report", "kestrel-mobile", "--out", out.path], in: Tools.repository, pdf: true)
        #expect(made.status == 0, "\(made.stderr)")
        let pdf = out.appendingPathComponent("kestrel-mobile/kestrel-mobile.pdf")
        try #require(FileManager.default.fileExists(atPath: pdf.path), "no PDF: \(made.stderr.prefix(400))")
        let text = try Tools.run(URL(fileURLWithPath: "/usr/bin/env"), ["pdftotext", "-layout", pdf.path, "-"]).stdout
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        try #require(pages.count >= 15, "the report printed on \(pages.count) pages")
        let head = "Kestrel Mobile · Social customer care, three-year business case"
        #expect(!pages[0].contains(head), "the cover page has no running head")
        #expect(pages[0].contains("Social customer care, three-year"))
        #expect(!pages[0].contains("Page 1 of"), "the cover has no page number")
        for (index, page) in pages.enumerated() where index > 0 {
            #expect(page.contains("Page \(index + 1) of \(pages.count)"), "page \(index + 1) has no page number")
            #expect(page.contains(head), "page \(index + 1) has no running head")
        }
        // Each chapter starts a page: its number and title are the first lines under the running head.
        for title in ["Executive summary", "Financial summary", "Benefits", "Costs", "Sensitivity and risk", "Return on Objectives"] {
            #expect(pages.contains { page in
                let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                return lines.count > 2 && lines[2] == title
            }, "no page starts with the chapter \(title)")
        }
    }
}
