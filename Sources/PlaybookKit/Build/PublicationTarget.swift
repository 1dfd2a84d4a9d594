import PlaybookCore
import PlaybookWrite

/// What a run publishes. Every target goes through the same functions — bind or evaluate,
/// ``TransformStage``, render — at the same time as the others, and the write stage receives
/// what each made (``TargetOutput``).
///
/// `playbook build`, `check` and `serve` publish the series and the reports `playbook.yaml`
/// lists; `playbook report` publishes the reports of the scenarios it names and nothing else.
public enum PublicationTarget: Hashable, Sendable {
    /// The series: the site, each book's EPUB and its XHTML (`site/`, `epub/`, `xhtml/`),
    /// made by ``SeriesTarget`` and the renderers in `SeriesRenderers.all`.
    case series
    /// One client's report, made from the scenario called `client` by ``ReportTarget`` and the
    /// renderers in ``ReportRenderers/all`` (`reports/<client>/` in a build's output folder).
    case report(client: String)

    /// The target's folder inside a build's output folder ("" for the series, whose files
    /// are at the top).
    var folder: String {
        switch self {
        case .series: return ""
        case .report(let client): return "reports/\(client)"
        }
    }
}

/// What one target made: its files, by path inside the target's folder, and its
/// diagnostics. A target with errors makes no files.
struct TargetOutput: Sendable {
    /// The target.
    var target: PublicationTarget
    /// Its files and EPUBs.
    var output: RenderedOutput
    /// What went wrong or is worth a warning.
    var diagnostics: [Diagnostic]
}

extension RenderedOutput {
    /// Adds a target's files under its folder. A report's folder is marked like a folder
    /// `playbook report` writes, so that it may replace it later.
    mutating func add(_ made: TargetOutput) {
        let folder = made.target.folder
        guard !folder.isEmpty else {
            files += made.output.files
            epubs += made.output.epubs
            streamed += made.output.streamed
            return
        }
        files += made.output.files.map { OutputFile(path: "\(folder)/\($0.path)", content: $0.content) }
        files.append(OutputFile(path: "\(folder)/\(OutputFolder.marker)", content: .text("")))
    }
}
