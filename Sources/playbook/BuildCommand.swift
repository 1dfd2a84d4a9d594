import ArgumentParser
import Foundation
import PlaybookKit

/// `playbook build`: the whole project into the output folder.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site and the EPUB books.",
        discussion: """
        Writes <out>/site/ (the website), <out>/epub/<book>.epub and <out>/xhtml/<book>/ (the EPUBs \
        unzipped), and <out>/reports/<scenario>/ for each scenario playbook.yaml lists under \
        'reports' (other clients' reports already in <out>/reports/ are kept). The output folder is replaced as a whole, and only when the build succeeds: a \
        failed build leaves the previous output as it was. Each report is also printed to \
        <out>/reports/<scenario>/<scenario>.pdf with headless Chromium (--no-pdf leaves the PDFs \
        out). Each book is printed to <out>/pdf/<book>.pdf the same way, with a picture of its cover \
        at <out>/site/<book>/cover.png. Set SOURCE_DATE_EPOCH to stamp EPUBs with that time instead of each book's own date.
        """
    )

    @OptionGroup var options: ProjectOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("The output folder (default: build/ in the project).", valueName: "folder"))
    var out: String?

    @Flag(name: .customLong("no-pdf"), help: "Make the books and client reports without their PDFs (which need Chromium).")
    var noPDF = false

    func run() async throws {
        let sourceDate = try options.sourceDateOrExit()
        let output = out.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
        let buildOptions = BuildOptions(projectRoot: options.root, output: output, includeDrafts: options.includeDrafts,
                                        sourceDate: sourceDate, pdf: !noPDF)
        let started = ContinuousClock.now
        let report = await BuildPipeline.run(buildOptions) { number, step in
            Terminal.progress(number, BuildPipeline.steps.count, step)
        }
        Terminal.printDiagnostics(report.diagnostics)
        if ProcessInfo.processInfo.environment["PLAYBOOK_TIMINGS"] != nil {
            Terminal.writeError(report.timings.map(\.description).joined(separator: "\n") + "\n"
                                + "allocator: " + (Allocator.version.map { "jemalloc \($0)" } ?? "the system's") + "\n")
        }
        guard report.succeeded, report.wrote else {
            Terminal.writeError("build failed: nothing was written\n")
            throw ExitCode.failure
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let root = Terminal.display(buildOptions.output)
        var lines = ["Built \(report.books.count) book\(report.books.count == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s"]
        lines.append("  site:  \(root)/site/index.html (\(report.pageCount) pages)")
        for (index, book) in report.books.enumerated() {
            lines.append("  \(index == 0 ? "epub: " : "      ") \(root)/\(book.epub)")
        }
        for (index, pdf) in report.bookPDFs.enumerated() {
            lines.append("  \(index == 0 ? "pdf:  " : "      ") \(root)/\(pdf)")
        }
        lines.append("  xhtml: \(root)/xhtml/ (the EPUBs unzipped)")
        for (index, name) in report.reports.enumerated() {
            lines.append("  \(index == 0 ? "reports:" : "        ") \(root)/reports/\(name)/index.html")
        }
        print(lines.joined(separator: "\n"))
        // Exit with the build's values still alive: freeing them object by object would only
        // delay the end of the process (see BuildReport.artifacts).
        withExtendedLifetime(report) { Foundation.exit(0) }
    }
}

import PlaybookCore
