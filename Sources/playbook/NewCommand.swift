import ArgumentParser
import Foundation
import PlaybookKit

/// `playbook new <folder>`: a new project from the built-in starter.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new project from the built-in starter.",
        discussion: """
        Writes one book with one chapter that shows computed figures, a client scenario, the \
        client report's template, every page template and the site's stylesheet and search \
        script. The folder may exist; a file already in it that the starter also has is never \
        overwritten unless you pass --force, which first moves it into .playbook-backup/.
        """
    )

    @Argument(help: "The folder to create the project in.")
    var folder: String

    @Flag(help: "Write into a folder that already holds some of the starter's files, moving each of them into .playbook-backup/ first.")
    var force = false

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        let shown = Terminal.display(url)
        let outcome: ProjectStarter.Outcome
        do {
            outcome = try ProjectStarter.write(to: url, force: force)
        } catch {
            switch error {
            case .filesExist(let paths):
                var text = "error: \(shown)/ already has \(paths.count == 1 ? "a file" : "\(paths.count) files") of the starter, with other contents:\n"
                for path in paths.prefix(20) { text += "  \(path)\n" }
                if paths.count > 20 { text += "  … and \(paths.count - 20) more\n" }
                text += "  hint: choose a new folder, or pass --force to move these files into \(shown)/.playbook-backup/ and write the starter's copies\n"
                Terminal.writeError(text)
            case .notAFolder:
                Terminal.writeError("error: \(shown) exists and is not a folder\n")
            case .cannotWrite(let path, let reason):
                Terminal.writeError("error: cannot write \(shown)/\(path): \(reason)\n")
            }
            throw ExitCode.failure
        }
        if outcome.created.isEmpty && outcome.replaced.isEmpty {
            print("\(shown)/ already holds every file of the starter; nothing was written.")
            return
        }
        var text = "Created a Playbook project in \(shown)/"
        text += " (\(outcome.created.count) file\(outcome.created.count == 1 ? "" : "s") written"
        if !outcome.unchanged.isEmpty { text += ", \(outcome.unchanged.count) already the same" }
        text += ")\n"
        for replaced in outcome.replaced {
            text += "  replaced \(replaced.path) (yours is now \(replaced.backup))\n"
        }
        text += """
          playbook.yaml                           the series: title, authors, the books in order
          content/handbook/                       the book: book.yaml and its chapter
          content/scenarios/harbour-energy.yaml   the sample client's numbers
          content/reports/business-case/          the client report's chapters
          templates/, site/                       page layouts, stylesheet and scripts
        Next:
          cd \(shown)
          playbook build    # the site, the EPUB and the client report, in build/
          playbook serve    # a preview at http://127.0.0.1:8000/ that reloads as you save

        """
        print(text, terminator: "")
    }
}
